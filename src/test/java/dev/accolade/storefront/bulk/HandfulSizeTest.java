package dev.accolade.storefront.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * How many rows a sender takes next: as many as a fast RaaS allows, few enough with a slow one that
 * every order of a handful is sent by its own sender, none left over to the held sends' job.
 */
class HandfulSizeTest {

    private static final Duration GRACE = Duration.ofMinutes(2);

    @Test
    void aFastRaasGetsTheLargestHandful() {
        // The embedded sandbox: about 10 ms a row.
        assertEquals(BulkSender.HANDFUL, BulkSender.nextHandful(8, Duration.ofMillis(80), GRACE));
        assertEquals(BulkSender.HANDFUL, BulkSender.nextHandful(32, Duration.ofMillis(320), GRACE));
    }

    @Test
    void aSlowRaasGetsAHandfulItAnswersWellWithinHalfTheGrace() {
        // 3 s a row: a quarter of 2 minutes holds 10 of them; the handful's last turn comes at 30 s,
        // well before the 60 s after which its orders would be left to the held sends' job.
        int next = BulkSender.nextHandful(8, Duration.ofSeconds(24), GRACE);
        assertEquals(10, next);
        assertTrue(next * 3 < GRACE.toSeconds() / 2);
    }

    @Test
    void aRaasSlowerThanAQuarterOfTheGraceGetsOneRowAtATime() {
        assertEquals(1, BulkSender.nextHandful(4, Duration.ofMinutes(10), GRACE));
    }

    @Test
    void aHandfulThatTookNoMeasurableTimeOrHadNoRowsStillGetsASize() {
        assertEquals(BulkSender.HANDFUL, BulkSender.nextHandful(8, Duration.ZERO, GRACE));
        assertEquals(BulkSender.HANDFUL, BulkSender.nextHandful(0, Duration.ofMillis(5), GRACE));
    }

    @Test
    void aShorterGraceShrinksTheHandful() {
        // Tests and operators may shorten the grace: 2 s a row against a 20 s grace is 2 rows.
        assertEquals(2, BulkSender.nextHandful(8, Duration.ofSeconds(16), Duration.ofSeconds(20)));
    }
}
