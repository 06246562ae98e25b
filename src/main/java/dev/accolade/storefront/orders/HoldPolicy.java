package dev.accolade.storefront.orders;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long an unattended send waits for RaaS: it is tried again after {@code retry-first} (30 s), then
 * after as long again as it has waited so far (a doubling backoff), at most every
 * {@code retry-max} (5 minutes); {@code unattended-give-up} (6 hours) after it was submitted it fails.
 */
@ApplicationScoped
class HoldPolicy {

    static final String GAVE_UP = "RaaS could not be reached for as long as Accolade waits for an unattended send,"
            + " so nothing was sent and nothing was charged.";

    private final Duration first;
    private final Duration max;
    private final Duration giveUp;

    HoldPolicy(@ConfigProperty(name = "accolade.orders.unattended-retry-first", defaultValue = "PT30S") Duration first,
            @ConfigProperty(name = "accolade.orders.unattended-retry-max", defaultValue = "PT5M") Duration max,
            @ConfigProperty(name = "accolade.orders.unattended-give-up", defaultValue = "PT6H") Duration giveUp) {
        this.first = first;
        this.max = max.compareTo(first) < 0 ? first : max;
        this.giveUp = giveUp;
    }

    /** Whether an order submitted at {@code created} has waited long enough to fail. */
    boolean expired(OffsetDateTime created, OffsetDateTime now) {
        return !now.isBefore(created.plus(giveUp));
    }

    /** The next try of an order submitted at {@code created} that RaaS did not get now. */
    OffsetDateTime nextTry(OffsetDateTime created, OffsetDateTime now) {
        Duration waited = Duration.between(created, now);
        Duration delay = waited.compareTo(first) < 0 ? first : waited.compareTo(max) > 0 ? max : waited;
        OffsetDateTime next = now.plus(delay);
        OffsetDateTime end = created.plus(giveUp);
        return next.isAfter(end) ? end : next;
    }
}
