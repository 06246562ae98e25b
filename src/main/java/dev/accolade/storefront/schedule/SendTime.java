package dev.accolade.storefront.schedule;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A "send later" time as a manager enters it: a date and a time of day in their time zone. The rule
 * at a daylight-saving change (documented in docs/scheduled-sends.md): a time that does not exist
 * that day (clocks jump forward) moves forward by the length of the gap, 02:30 becoming 03:30; a time
 * that happens twice (clocks go back) is the first of the two.
 */
public record SendTime(LocalDateTime local, ZoneId zone, OffsetDateTime instant) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** The entered text read, or the message to show next to the field. */
    public record Parsed(Optional<SendTime> time, Optional<String> field, Optional<String> problem) {
        static Parsed ok(SendTime t) {
            return new Parsed(Optional.of(t), Optional.empty(), Optional.empty());
        }

        static Parsed bad(String field, String problem) {
            return new Parsed(Optional.empty(), Optional.of(field), Optional.of(problem));
        }
    }

    /** The instant of a local date and time in the zone, by the rule above. */
    public static SendTime of(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        ZonedDateTime at = ZonedDateTime.ofLocal(local, zone, null);
        return new SendTime(local, zone, at.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Whether a send-later date was entered at all (none: send now). */
    public static boolean entered(String date, String time) {
        return date != null && !date.isBlank() || time != null && !time.isBlank();
    }

    /**
     * Reads the form's date ({@code 2026-12-04}), time ({@code 09:00}) and zone (an IANA id); it must
     * lie after {@code now} and at most {@code horizonDays} ahead.
     */
    public static Parsed parse(String date, String time, String zone, OffsetDateTime now, int horizonDays) {
        ZoneId z;
        try {
            z = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.trim());
        } catch (DateTimeException e) {
            return Parsed.bad("sendZone", "Choose a time zone from the list, such as Europe/Berlin.");
        }
        if (date == null || date.isBlank()) {
            return Parsed.bad("sendDate", "Enter the day to send it on, or leave the time empty to send it now.");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            return Parsed.bad("sendDate", "Enter the day as year-month-day, such as 2026-12-04.");
        }
        LocalTime t;
        try {
            t = time == null || time.isBlank() ? LocalTime.of(9, 0) : LocalTime.parse(time.trim());
        } catch (DateTimeParseException e) {
            return Parsed.bad("sendTime", "Enter the time as hours and minutes, such as 09:00.");
        }
        SendTime at = of(d, t.withSecond(0).withNano(0), z);
        if (!at.instant.isAfter(now)) {
            return Parsed.bad("sendDate", "That time has passed in " + z.getId() + ": choose a later one, or leave "
                    + "the date empty to send it now.");
        }
        if (at.instant.isAfter(now.plusDays(horizonDays))) {
            return Parsed.bad("sendDate", "A reward can be scheduled up to " + horizonDays + " days ahead.");
        }
        return Parsed.ok(at);
    }

    /** As stored: {@code 2026-12-04T09:00}. */
    public String localText() {
        return local.toString().substring(0, 16);
    }

    /** The instant as a manager reads it in the zone: {@code Fri 4 Dec 2026, 09:00 (Europe/Berlin)}. */
    public static String display(OffsetDateTime instant, String zone) {
        ZoneId z = ZoneId.of(zone);
        return instant.atZoneSameInstant(z).format(SHOWN) + " (" + z.getId() + ")";
    }
}
