package dev.accolade.raas.client;

/** {@code POST accounts}: identifier 5-96 of {@code [A-Za-z0-9_+-]}, unique to the platform. */
public record AccountCreate(String customer, String identifier, String email) {
}
