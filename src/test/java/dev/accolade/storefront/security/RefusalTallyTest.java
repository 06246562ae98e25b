package dev.accolade.storefront.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditEvent;

@QuarkusTest
class RefusalTallyTest {

    @Inject
    RefusalTally refusals;

    @Inject
    Actors actors;

    @Test
    void refusalsCountedOutOfOrderNameTheLatestAsLastInOneRowForTheMinute() {
        String who = "tally-" + System.nanoTime() + "@accolade.test";
        // A minute that is over, so the flush below writes it; refusals made 1 s apart inside it.
        long minuteStart = (System.currentTimeMillis() / 60_000 - 2) * 60_000;
        actors.runAs(new Actor(who, "192.0.2.7"), () -> {
            refusals.count(minuteStart + 3_000, "ACCESS_REFUSED", "REFUSED", "/third (role HR)");
            refusals.count(minuteStart + 1_000, "ACCESS_REFUSED", "REFUSED", "/first (role HR)");
            refusals.count(minuteStart + 2_000, "ACCESS_REFUSED", "REFUSED", "/second (role HR)");
        });
        refusals.flushBefore(Long.MAX_VALUE);
        List<String> details = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent> list(
                "actor = ?1 and action = 'ACCESS_REFUSED'", who).stream().map(e -> e.detail).toList());
        assertEquals(List.of("3 times in the minute from " + java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.ofEpochMilli(minuteStart)) + "; last: /third (role HR)"), details);
    }
}
