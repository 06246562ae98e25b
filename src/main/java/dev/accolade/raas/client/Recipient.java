package dev.accolade.raas.client;

/** Who receives a reward. */
public record Recipient(String name, String email) {
}
