package dev.accolade.raas.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST orders}. {@code amount} (cents) must be given for variable-price SKUs and must be
 * null for fixed-price ones; null optional fields are left out of the request. {@code sendReward}
 * false makes RaaS return the reward's credentials instead of mailing them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderCreate(String customer, @JsonProperty("account_identifier") String accountIdentifier,
        Recipient recipient, String sku, Long amount,
        @JsonProperty("reward_subject") String rewardSubject,
        @JsonProperty("reward_message") String rewardMessage,
        @JsonProperty("reward_from") String rewardFrom,
        @JsonProperty("send_reward") Boolean sendReward) {
}
