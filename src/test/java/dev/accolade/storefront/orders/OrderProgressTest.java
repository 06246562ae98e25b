package dev.accolade.storefront.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The words and times an order's page gives while its outcome is being checked. */
class OrderProgressTest {

    private final ReconcileSchedule schedule = new ReconcileSchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)),
            Duration.ofMinutes(15));

    private static RewardOrder unknown(OffsetDateTime sent, OffsetDateTime nextCheck) {
        RewardOrder o = new RewardOrder();
        o.status = RewardOrder.Status.UNKNOWN;
        o.createdAt = sent;
        o.nextCheckAt = nextCheck;
        return o;
    }

    @Test
    void theLooksAreNamedInMinutesAndTheOutcomeIsKnownAPassAfterTheGiveUpTime() {
        OffsetDateTime sent = OffsetDateTime.parse("2026-12-02T16:00:20Z");
        OrderProgress p = OrderProgress.of(unknown(sent, null), schedule, Duration.ofMinutes(2), sent.plusSeconds(1));
        assertEquals("1, 5 and 15 minutes after it was sent", p.looks());
        assertNull(p.nextLook(), "not looked at yet: the reconciler's next pass");
        assertEquals(OffsetDateTime.parse("2026-12-02T16:17:00Z"), p.knownBy());
    }

    @Test
    void theNextLookIsTheOneTheReconcilerScheduled() {
        OffsetDateTime sent = OffsetDateTime.parse("2026-12-02T16:00:00Z");
        OrderProgress p = OrderProgress.of(unknown(sent, sent.plusMinutes(5)), schedule, Duration.ofMinutes(2),
                sent.plusMinutes(2));
        assertEquals(sent.plusMinutes(5), p.nextLook());
        assertEquals(OffsetDateTime.parse("2026-12-02T16:16:00Z"), p.knownBy());
        // Once its time has passed, the look is the next pass's.
        assertNull(OrderProgress.of(unknown(sent, sent.plusMinutes(5)), schedule, Duration.ofMinutes(2),
                sent.plusMinutes(6)).nextLook());
    }

    @Test
    void shortTestSchedulesAreNamedInSeconds() {
        assertEquals("2 seconds", OrderProgress.words(List.of(Duration.ofSeconds(2))));
        assertEquals("1 minute", OrderProgress.words(List.of(Duration.ofMinutes(1))));
        assertEquals("30 and 90 seconds", OrderProgress.words(List.of(Duration.ofSeconds(30), Duration.ofSeconds(90))));
    }
}
