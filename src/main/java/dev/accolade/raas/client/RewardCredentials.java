package dev.accolade.raas.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The reward itself, returned only when the order was placed with {@code send_reward: false}. Only
 * {@code token} is always present. {@code expiration} is an ISO date for some international SKUs.
 * {@link #toString()} hides the number and PIN.
 */
public record RewardCredentials(String token, String number, String pin,
        @JsonProperty("redemption_url") String redemptionUrl,
        @JsonProperty("event_number") String eventNumber, String expiration) {

    @Override
    public String toString() {
        return "RewardCredentials[token=" + token + ", number=" + (number == null ? null : "****")
                + ", pin=" + (pin == null ? null : "****") + ", expiration=" + expiration + "]";
    }
}
