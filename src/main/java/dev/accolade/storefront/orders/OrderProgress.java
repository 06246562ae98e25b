package dev.accolade.storefront.orders;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * When Accolade looks for an order whose outcome is open, in words for its page: the reconciler's
 * looks after the send ({@code accolade.reconcile.recheck-after} and the give-up time), the next one,
 * and the time by which the page says "Delivered" or "Not sent".
 *
 * @param looks    "1, 5 and 15 minutes after it was sent"
 * @param nextLook the next look, or null when it is the reconciler's next pass (within a minute)
 * @param knownBy  the latest time the outcome is known: the give-up time plus one pass of the reconciler
 */
public record OrderProgress(String looks, OffsetDateTime nextLook, OffsetDateTime knownBy) {

    /** The reconciler runs every minute: an outcome due at a time is known within a minute of it. */
    static final Duration PASS = Duration.ofMinutes(1);

    static OrderProgress of(RewardOrder order, ReconcileSchedule schedule, Duration pendingGrace, OffsetDateTime now) {
        OffsetDateTime placed = order.placedAt();
        List<Duration> all = new ArrayList<>(schedule.recheckAfter());
        all.add(schedule.giveUpAfter());
        OffsetDateTime next;
        if (order.status == RewardOrder.Status.PENDING) {
            next = placed.plus(pendingGrace);
        } else {
            next = order.nextCheckAt;
        }
        if (next != null && !next.isAfter(now)) {
            next = null;
        }
        OffsetDateTime known = placed.plus(schedule.giveUpAfter()).plus(PASS);
        if (known.getSecond() > 0 || known.getNano() > 0) {
            known = known.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        }
        return new OrderProgress(words(all) + " after it was sent", next, known);
    }

    /** "1, 5 and 15 minutes", or seconds when the durations are not whole minutes (tests). */
    static String words(List<Duration> durations) {
        boolean minutes = durations.stream().allMatch(d -> d.toSeconds() % 60 == 0);
        List<String> n = durations.stream().map(d -> Long.toString(minutes ? d.toMinutes() : d.toSeconds())).toList();
        String unit = minutes ? (n.size() == 1 && n.get(0).equals("1") ? " minute" : " minutes")
                : (n.size() == 1 && n.get(0).equals("1") ? " second" : " seconds");
        if (n.size() == 1) {
            return n.get(0) + unit;
        }
        return String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1) + unit;
    }
}
