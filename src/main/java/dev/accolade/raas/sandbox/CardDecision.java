package dev.accolade.raas.sandbox;

/** The outcome of authorizing a credit card in the sandbox. */
public record CardDecision(boolean approved, String code, String message) {

    static final CardDecision APPROVED = new CardDecision(true, null, null);
}
