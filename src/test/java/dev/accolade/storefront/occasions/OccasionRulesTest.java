package dev.accolade.storefront.occasions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The calendar rules and the message templates, without the application. */
class OccasionRulesTest {

    @Test
    void february29IsFebruary28OutsideLeapYears() {
        assertEquals(LocalDate.of(2027, 2, 28), OccasionDates.birthdayIn(2027, 2, 29));
        assertEquals(LocalDate.of(2028, 2, 29), OccasionDates.birthdayIn(2028, 2, 29));
        assertEquals(LocalDate.of(2100, 2, 28), OccasionDates.birthdayIn(2100, 2, 29), "2100 is not a leap year");
        assertEquals(LocalDate.of(2028, 1, 3), OccasionDates.nextBirthday(LocalDate.of(2027, 12, 30), 1, 3),
                "across the new year");
        assertEquals(LocalDate.of(2027, 2, 28), OccasionDates.nextAnniversary(LocalDate.of(2027, 2, 20),
                LocalDate.of(2024, 2, 29)));
        assertEquals(LocalDate.of(2026, 3, 1), OccasionDates.nextAnniversary(LocalDate.of(2025, 3, 2),
                LocalDate.of(2025, 3, 1)), "the first anniversary is a year after the start");
        assertTrue(OccasionDates.validBirthday(2, 29));
        assertFalse(OccasionDates.validBirthday(2, 30));
        assertTrue(Candidates.monthDays(LocalDate.of(2027, 2, 27), LocalDate.of(2027, 3, 1)).contains(229));
        assertFalse(Candidates.monthDays(LocalDate.of(2028, 2, 27), LocalDate.of(2028, 2, 28)).contains(229));
    }

    @Test
    void anEmployeesZoneIsTheirsWhenValidElseTheProgramsDefault() {
        assertEquals(ZoneId.of("Pacific/Auckland"), OccasionDates.zoneOf("Pacific/Auckland", "UTC"));
        assertEquals(ZoneId.of("Europe/Berlin"), OccasionDates.zoneOf("Mars/Olympus", "Europe/Berlin"));
        assertEquals(ZoneId.of("Europe/Berlin"), OccasionDates.zoneOf(null, "Europe/Berlin"));
    }

    @Test
    void templatesFillTheirPlaceholdersAndNameTheUnknownOnes() {
        assertEquals("Happy 5 years, Ada! Ada Lovelace, from Morgan.", MessageTemplate.render(
                "Happy {years} years, {first_name}! {name}, from {manager}.", "Ada Lovelace", 5, "Morgan"));
        assertEquals(List.of("{firstname}", "{ yr }"), MessageTemplate.unknown("Hi {firstname} {first_name} { yr }"));
        assertEquals(List.of(), MessageTemplate.unknown("No placeholders, {name}."));
        assertEquals(255, MessageTemplate.render("{name}".repeat(10), "x".repeat(40), null, null).length());
    }
}
