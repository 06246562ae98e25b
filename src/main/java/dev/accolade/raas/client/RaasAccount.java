package dev.accolade.raas.client;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A platform account and its available balance in cents. */
public record RaasAccount(String identifier, String email, String customer,
        @JsonProperty("available_balance") Long availableBalance) {

    public RaasAccount {
        Objects.requireNonNull(identifier, "account.identifier");
        Objects.requireNonNull(availableBalance, "account.available_balance");
    }
}
