package dev.accolade.storefront.occasions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;

/**
 * The calendar rules of occasions (docs/occasions.md). A birthday of 29 February is kept on
 * 28 February in a year that is not a leap year, and so is a work anniversary of someone who started
 * on 29 February ({@link LocalDate#plusYears} does the same). An employee's zone is theirs when it is
 * a valid IANA id, else the program's default.
 */
public final class OccasionDates {

    private OccasionDates() {
    }

    /** The birthday in that year: 29 February becomes 28 February outside leap years. */
    public static LocalDate birthdayIn(int year, int month, int day) {
        if (month == 2 && day == 29 && !java.time.Year.isLeap(year)) {
            return LocalDate.of(year, 2, 28);
        }
        return LocalDate.of(year, month, day);
    }

    /** The next birthday on or after {@code from}. */
    public static LocalDate nextBirthday(LocalDate from, int month, int day) {
        LocalDate d = birthdayIn(from.getYear(), month, day);
        return d.isBefore(from) ? birthdayIn(from.getYear() + 1, month, day) : d;
    }

    /** The next work anniversary (one year of service or more) on or after {@code from}. */
    public static LocalDate nextAnniversary(LocalDate from, LocalDate start) {
        int years = Math.max(1, from.getYear() - start.getYear());
        LocalDate d = start.plusYears(years);
        return d.isBefore(from) ? start.plusYears(years + 1) : d;
    }

    /** Whether the month and day are a day of some year (29 February is). */
    public static boolean validBirthday(int month, int day) {
        try {
            MonthDay.of(month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The employee's zone, or the program's when theirs is empty or not an IANA id. */
    public static ZoneId zoneOf(String employeeZone, String programZone) {
        if (employeeZone != null && !employeeZone.isBlank()) {
            try {
                return ZoneId.of(employeeZone.trim());
            } catch (DateTimeException e) {
                // fall through to the program's
            }
        }
        return ZoneId.of(programZone);
    }
}
