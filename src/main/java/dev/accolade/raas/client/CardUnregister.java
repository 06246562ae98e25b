package dev.accolade.raas.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST cc_unregister}: forget a registered card. */
public record CardUnregister(String customer, @JsonProperty("account_identifier") String accountIdentifier,
        @JsonProperty("cc_token") String ccToken) {
}
