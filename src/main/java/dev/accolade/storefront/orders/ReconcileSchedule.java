package dev.accolade.storefront.orders;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When the reconciler looks for an order it did not find: at each re-check delay after the send that
 * comes before the give-up time, and last at the give-up time, after which an order RaaS still does
 * not list was never placed.
 */
record ReconcileSchedule(List<Duration> recheckAfter, Duration giveUpAfter) {

    ReconcileSchedule {
        recheckAfter = recheckAfter.stream().filter(d -> d.compareTo(giveUpAfter) < 0).sorted().toList();
    }

    /** Whether an order sent at {@code placed} and not found now was never placed. */
    boolean givesUp(OffsetDateTime placed, OffsetDateTime now) {
        return !now.isBefore(placed.plus(giveUpAfter));
    }

    /** The next look after now at an order sent at {@code placed} (the give-up time at the latest). */
    OffsetDateTime nextCheck(OffsetDateTime placed, OffsetDateTime now) {
        Optional<OffsetDateTime> next = recheckAfter.stream().map(placed::plus).filter(now::isBefore).findFirst();
        return next.orElse(placed.plus(giveUpAfter));
    }
}
