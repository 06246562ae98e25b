package dev.accolade.raas.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Card details, passed through to RaaS and never kept. {@code expiration} is {@code MM/YY} for
 * {@code POST funds} and {@code YYYY-MM} for {@code POST cc_register}. {@link #toString()} shows only
 * the last four digits, so a card can never reach a log by accident.
 */
public record CreditCard(String number, String expiration, @JsonProperty("security_code") String securityCode,
        @JsonProperty("billing_address") BillingAddress billingAddress) {

    /** The last four digits, the only part of the number Accolade may keep (e.g. in the audit). */
    public String lastFour() {
        String digits = number == null ? "" : number.replaceAll("\\D", "");
        return digits.length() < 4 ? "" : digits.substring(digits.length() - 4);
    }

    @Override
    public String toString() {
        return "CreditCard[number=****" + lastFour() + ", expiration=" + expiration + ", security_code=***]";
    }
}
