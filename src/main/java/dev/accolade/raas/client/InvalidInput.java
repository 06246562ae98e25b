package dev.accolade.raas.client;

/** One entry of {@code invalid_inputs}: the field and why it was refused (for debugging, not for users). */
public record InvalidInput(String field, String error) {
}
