package dev.accolade.storefront.budgets;

import java.time.OffsetDateTime;

/** An earlier reward from the same manager to the same person, shown as a warning before sending. */
public record RecentReward(long orderId, OffsetDateTime sentAt, String description, long amount, String status) {
}
