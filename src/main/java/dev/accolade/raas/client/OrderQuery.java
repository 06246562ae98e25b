package dev.accolade.raas.client;

import java.time.OffsetDateTime;

/**
 * Filter of {@code GET orders}; every field is optional (null). Dates are sent as ISO 8601 with
 * their offset. {@code limit} is at most 100 (RaaS's default and maximum).
 */
public record OrderQuery(String customer, String accountIdentifier, OffsetDateTime startDate,
        OffsetDateTime endDate, Integer offset, Integer limit) {

    /** Every order of one account delivered between two instants (inclusive). */
    public static OrderQuery window(String customer, String accountIdentifier, OffsetDateTime start,
            OffsetDateTime end) {
        return new OrderQuery(customer, accountIdentifier, start, end, null, null);
    }

    public OrderQuery page(int pageOffset, int pageLimit) {
        return new OrderQuery(customer, accountIdentifier, startDate, endDate, pageOffset, pageLimit);
    }
}
