package dev.accolade.raas.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST funds} (2013): charge a card and credit the account with {@code amount} cents. */
public record FundCreate(String customer, @JsonProperty("account_identifier") String accountIdentifier,
        long amount, @JsonProperty("client_ip") String clientIp,
        @JsonProperty("credit_card") CreditCard creditCard) {

    @Override
    public String toString() {
        return "FundCreate[customer=" + customer + ", account_identifier=" + accountIdentifier + ", amount="
                + amount + ", credit_card=" + creditCard + "]";
    }
}
