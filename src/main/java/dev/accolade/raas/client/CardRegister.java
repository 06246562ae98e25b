package dev.accolade.raas.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST cc_register}: keep a card for later fundings; expiration is {@code YYYY-MM}. */
public record CardRegister(String customer, @JsonProperty("account_identifier") String accountIdentifier,
        @JsonProperty("client_ip") String clientIp, @JsonProperty("credit_card") CreditCard creditCard) {

    @Override
    public String toString() {
        return "CardRegister[customer=" + customer + ", account_identifier=" + accountIdentifier
                + ", credit_card=" + creditCard + "]";
    }
}
