package dev.accolade.raas.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST cc_fund}: charge a registered card and credit the account with {@code amount} cents. */
public record CardFund(String customer, @JsonProperty("account_identifier") String accountIdentifier,
        long amount, @JsonProperty("client_ip") String clientIp, @JsonProperty("cc_token") String ccToken,
        @JsonProperty("security_code") String securityCode) {

    @Override
    public String toString() {
        return "CardFund[customer=" + customer + ", account_identifier=" + accountIdentifier + ", amount="
                + amount + ", cc_token=" + ccToken + ", security_code=***]";
    }
}
