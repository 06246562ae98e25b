package dev.accolade.raas.sandbox;

import java.time.OffsetDateTime;

/**
 * The outcome of authorizing or registering a credit card in the sandbox. A refusal is answered as
 * the spec's "Fund Create - Payment Error (Credit Card)": 400, {@code X-Status-Reason: Credit card
 * authorization failure.}, {@code denial_code} and a {@code denial_message} that can be shown to
 * end users.
 */
public record CardDecision(boolean approved, String code, String message) {

    static final CardDecision APPROVED = new CardDecision(true, null, null);

    /** A card past its expiry month: the processor declines it. */
    static final CardDecision EXPIRED = new CardDecision(false, "CC_DECLINED",
            "The credit card has expired. Please use another card.");

    /**
     * The same card registered again to an account that has it: code and message exactly as the
     * recorded sandbox response for {@code cc_register} gives them.
     */
    static final CardDecision ALREADY_REGISTERED = new CardDecision(false, "CC_DUPEREGISTER",
            "This payment method has already been registered, it can not be added again. If there are any "
                    + "questions, please call our operations team directly at 1-877-558-2646 (Monday - Friday, "
                    + "8am - 6pm PDT).");

    /** A registered card charged before its {@code active_date}: it is still in its approval stage. */
    static CardDecision awaitingApproval(OffsetDateTime activeAt) {
        return new CardDecision(false, "CC_REVIEW", "This credit card is still being approved and can fund the "
                + "account from " + RaasDates.format(activeAt) + " (active_date " + activeAt.toEpochSecond()
                + "). Please try again then.");
    }
}
