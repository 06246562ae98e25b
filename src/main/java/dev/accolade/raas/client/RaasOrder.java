package dev.accolade.raas.client;

import java.time.OffsetDateTime;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * An order as RaaS reports it. {@code amount} is in cents. {@code reward} is present only for
 * orders placed with {@code send_reward: false}, and only on create and get.
 */
public record RaasOrder(@JsonProperty("order_id") String orderId,
        @JsonProperty("account_identifier") String accountIdentifier,
        String customer, String sku, Long amount,
        @JsonProperty("reward_message") @JsonDeserialize(using = RaasJson.Text.class) String rewardMessage,
        @JsonProperty("reward_subject") @JsonDeserialize(using = RaasJson.Text.class) String rewardSubject,
        @JsonProperty("reward_from") @JsonDeserialize(using = RaasJson.Text.class) String rewardFrom,
        @JsonProperty("delivered_at") @JsonDeserialize(using = RaasJson.DateTime.class) OffsetDateTime deliveredAt,
        Recipient recipient, RewardCredentials reward) {

    public RaasOrder {
        Objects.requireNonNull(orderId, "order.order_id");
        Objects.requireNonNull(amount, "order.amount");
    }
}
