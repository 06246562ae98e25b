package dev.accolade.storefront.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** A send-later time in the manager's zone: either side of UTC, and across daylight-saving changes. */
class SendTimeTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-20T12:00:00Z");

    private static OffsetDateTime at(String date, String time, String zone) {
        SendTime.Parsed p = SendTime.parse(date, time, zone, NOW, 365);
        assertTrue(p.time().isPresent(), () -> p.problem().orElse(""));
        return p.time().get().instant();
    }

    @Test
    void nineInTheMorningEastAndWestOfUtc() {
        assertEquals(OffsetDateTime.parse("2026-03-27T00:00:00Z"), at("2026-03-27", "09:00", "Asia/Tokyo"));
        assertEquals(OffsetDateTime.parse("2026-03-26T20:00:00Z"), at("2026-03-27", "09:00", "Pacific/Auckland"),
                "UTC+13 in March: the day before in UTC");
        assertEquals(OffsetDateTime.parse("2026-03-27T13:00:00Z"), at("2026-03-27", "09:00", "America/New_York"));
        assertEquals(OffsetDateTime.parse("2026-03-27T19:00:00Z"), at("2026-03-27", "09:00", "Pacific/Honolulu"));
        assertEquals(OffsetDateTime.parse("2026-03-27T09:00:00Z"), at("2026-03-27", "09:00", "UTC"));
    }

    @Test
    void theSameLocalTimeAcrossAChangeIsADifferentDistanceInUtc() {
        // Berlin moves from UTC+1 to UTC+2 on 29 March 2026: 09:00 on the 28th and the 30th are 47 hours apart.
        OffsetDateTime before = at("2026-03-28", "09:00", "Europe/Berlin");
        OffsetDateTime after = at("2026-03-30", "09:00", "Europe/Berlin");
        assertEquals(OffsetDateTime.parse("2026-03-28T08:00:00Z"), before);
        assertEquals(OffsetDateTime.parse("2026-03-30T07:00:00Z"), after);
        assertEquals(Duration.ofHours(47), Duration.between(before, after));
        // New York moves back on 1 November 2026: UTC-4 before, UTC-5 after.
        assertEquals(OffsetDateTime.parse("2026-10-31T13:00:00Z"), at("2026-10-31", "09:00", "America/New_York"));
        assertEquals(OffsetDateTime.parse("2026-11-02T14:00:00Z"), at("2026-11-02", "09:00", "America/New_York"));
    }

    @Test
    void aTimeTheClocksSkipMovesForwardAndATimeTheyRepeatIsTheFirst() {
        // 02:30 does not exist in Berlin on 29 March 2026 (02:00 -> 03:00): it becomes 03:30 CEST.
        SendTime gap = SendTime.of(LocalDate.parse("2026-03-29"), LocalTime.of(2, 30), ZoneId.of("Europe/Berlin"));
        assertEquals(OffsetDateTime.parse("2026-03-29T01:30:00Z"), gap.instant());
        // 02:30 happens twice in Berlin on 25 October 2026: the first (CEST, UTC+2) is taken.
        SendTime overlap = SendTime.of(LocalDate.parse("2026-10-25"), LocalTime.of(2, 30), ZoneId.of("Europe/Berlin"));
        assertEquals(OffsetDateTime.parse("2026-10-25T00:30:00Z"), overlap.instant());
        assertEquals("Sun 25 Oct 2026, 02:30 (Europe/Berlin)", SendTime.display(overlap.instant(), "Europe/Berlin"));
    }

    @Test
    void aTimeAlreadyPastInTheManagersZoneIsRefusedThoughNotYetInUtc() {
        // 12:00 UTC is 21:00 in Tokyo: 20:00 Tokyo time today has passed, 20:00 in New York has not.
        SendTime.Parsed tokyo = SendTime.parse("2026-03-20", "20:00", "Asia/Tokyo", NOW, 365);
        assertEquals("sendDate", tokyo.field().orElseThrow());
        assertTrue(tokyo.problem().orElseThrow().contains("has passed in Asia/Tokyo"));
        assertEquals(OffsetDateTime.parse("2026-03-21T00:00:00Z"), at("2026-03-20", "20:00", "America/New_York"));
    }

    @Test
    void badInputNamesItsField() {
        assertEquals("sendZone", SendTime.parse("2026-03-27", "09:00", "Mars/Olympus", NOW, 365).field().orElseThrow());
        assertEquals("sendDate", SendTime.parse("27/03/2026", "09:00", "UTC", NOW, 365).field().orElseThrow());
        assertEquals("sendTime", SendTime.parse("2026-03-27", "9 am", "UTC", NOW, 365).field().orElseThrow());
        assertEquals("sendDate", SendTime.parse("", "09:00", "UTC", NOW, 365).field().orElseThrow());
        assertEquals("sendDate", SendTime.parse("2028-03-27", "09:00", "UTC", NOW, 365).field().orElseThrow(),
                "beyond the horizon");
        assertEquals(OffsetDateTime.parse("2026-03-27T09:00:00Z"), at("2026-03-27", "", "UTC"), "no time: 09:00");
    }
}
