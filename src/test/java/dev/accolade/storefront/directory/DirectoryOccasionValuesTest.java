package dev.accolade.storefront.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The values a directory file and the employee form accept for start date, birthday, time zone and status. */
class DirectoryOccasionValuesTest {

    @Test
    void aBirthdayIsReadAsMonthDayIsoOrWords() {
        Birthday march12 = new Birthday(3, 12);
        for (String text : new String[] { "03-12", "3-12", "--03-12", "12 March", "March 12", "12 mar", "MAR 12",
                "12th March", " March 12 " }) {
            assertEquals(march12, Birthday.parse(text), text);
        }
        assertEquals(new Birthday(9, 5), Birthday.parse("Sept 5"));
        assertEquals(new Birthday(2, 29), Birthday.parse("02-29"), "29 February is a birthday");
        assertEquals(new Birthday(2, 29), Birthday.parse("--02-29"));
        assertEquals("12 March", march12.display());
    }

    @Test
    void aFullBirthDateIsRefusedBecauseNoYearIsKept() {
        for (String text : new String[] { "1990-03-12", "12 March 1990", "March 12, 1990", "12/03/1990", "12.03.90" }) {
            Birthday.Invalid refused = assertThrows(Birthday.Invalid.class, () -> Birthday.parse(text), text);
            assertTrue(refused.getMessage().contains("has a year: only the day and month are kept"), refused.getMessage());
        }
    }

    @Test
    void daysAMonthDoesNotHaveAndOtherFormsAreRefused() {
        assertEquals("there is no 31 April", assertThrows(Birthday.Invalid.class, () -> Birthday.parse("04-31")).getMessage());
        assertEquals("there is no 30 February", assertThrows(Birthday.Invalid.class, () -> Birthday.parse("30 February"))
                .getMessage());
        assertEquals("13 is not a month (1 to 12)", assertThrows(Birthday.Invalid.class, () -> Birthday.parse("13-01"))
                .getMessage());
        assertTrue(assertThrows(Birthday.Invalid.class, () -> Birthday.parse("12/03")).getMessage()
                .contains("is not a day and month: write the month and day as 03-12, --03-12 or 12 March"));
        assertTrue(assertThrows(Birthday.Invalid.class, () -> Birthday.parse("12 Marzo")).getMessage()
                .contains("does not name a month in English"));
    }

    @Test
    void aStartDateIsIsoOnly() {
        assertEquals(LocalDate.of(2021, 3, 1), OccasionFields.startDate(" 2021-03-01 "));
        for (String text : new String[] { "01/03/2021", "2021-3-1", "2021-02-30", "March 2021" }) {
            OccasionFields.Invalid refused = assertThrows(OccasionFields.Invalid.class, () -> OccasionFields.startDate(text));
            assertTrue(refused.getMessage().contains("is not a date written as yyyy-MM-dd, such as 2021-03-01 (no other "
                    + "form is read)"), refused.getMessage());
        }
        assertTrue(assertThrows(OccasionFields.Invalid.class, () -> OccasionFields.startDate("1021-03-01")).getMessage()
                .contains("not between 1900 and 2099"));
    }

    @Test
    void aTimeZoneIsAnIanaPlaceSpelledAsTheListHasItAndNeverAnOffset() {
        assertEquals("Europe/Berlin", OccasionFields.timeZone("europe/berlin"));
        assertEquals("America/New_York", OccasionFields.timeZone("AMERICA/NEW_YORK"));
        assertEquals("UTC", OccasionFields.timeZone("utc"));
        assertTrue(OccasionFields.ZONES.contains("Europe/Berlin") && OccasionFields.ZONES.contains("UTC"));
        for (String offset : new String[] { "+02:00", "-5", "UTC+2", "GMT-05:00", "Etc/GMT+2" }) {
            assertTrue(assertThrows(OccasionFields.Invalid.class, () -> OccasionFields.timeZone(offset)).getMessage()
                    .contains("is an offset from UTC"), offset);
        }
        assertTrue(assertThrows(OccasionFields.Invalid.class, () -> OccasionFields.timeZone("Mars/Olympus")).getMessage()
                .contains("is not an IANA time zone such as Europe/Berlin"));
    }

    @Test
    void aStatusIsActiveOnLeaveOrLeft() {
        assertEquals(Employee.Status.ACTIVE, OccasionFields.status("Active"));
        assertEquals(Employee.Status.ON_LEAVE, OccasionFields.status("On leave"));
        assertEquals(Employee.Status.ON_LEAVE, OccasionFields.status("ON_LEAVE"));
        assertEquals(Employee.Status.ON_LEAVE, OccasionFields.status("on-leave"));
        assertEquals(Employee.Status.LEFT, OccasionFields.status("left"));
        assertTrue(assertThrows(OccasionFields.Invalid.class, () -> OccasionFields.status("retired")).getMessage()
                .contains("is not one of active, on leave, left"));
    }
}
