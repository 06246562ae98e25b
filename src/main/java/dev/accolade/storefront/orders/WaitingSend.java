package dev.accolade.storefront.orders;

import java.time.OffsetDateTime;

/**
 * A reward that has no order yet because it waits for its time (a scheduled send), as "My rewards"
 * lists it above the orders. {@code status} is the CSS class of its badge, {@code href} its own page.
 */
public record WaitingSend(String href, OffsetDateTime dueAt, String when, String recipientName, String recipientEmail,
        String description, long amount, String label, String status) {
}
