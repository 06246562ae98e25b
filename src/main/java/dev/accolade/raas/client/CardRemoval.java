package dev.accolade.raas.client;

/** The answer to {@code POST cc_unregister}. */
public record CardRemoval(String message) {
}
