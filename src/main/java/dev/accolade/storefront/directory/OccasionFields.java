package dev.accolade.storefront.directory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What occasion programs read of an employee (start date, birthday, time zone, on leave): the rules
 * for each value, shared by the directory import and the employee's page, and a change to them
 * described in words. The birthday is personal data: a change to it is described as "birthday
 * changed", never with the date.
 */
final class OccasionFields {

    /** A value that was refused, with the message that says why. */
    static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message, null);
        }
    }

    /**
     * A value a file or form gives for a field, or none: {@code absent()} leaves the field as it is,
     * {@code of(null)} clears it.
     */
    record Given<T>(boolean present, T value) {
        private static final Given<?> ABSENT = new Given<>(false, null);

        @SuppressWarnings("unchecked")
        static <T> Given<T> absent() {
            return (Given<T>) ABSENT;
        }

        static <T> Given<T> of(T value) {
            return new Given<>(true, value);
        }

        boolean changes(Object current) {
            return present && !Objects.equals(current, value);
        }
    }

    /** The four fields as a file row or the form gives them; whether the employee has left is not among them. */
    record Update(Given<LocalDate> startDate, Given<Birthday> birthday, Given<String> timeZone, Given<Boolean> onLeave) {

        static final Update NONE = new Update(Given.absent(), Given.absent(), Given.absent(), Given.absent());

        /** What this changes for the employee (or, for a new employee, sets), in words. */
        List<String> changes(Employee e) {
            List<String> words = new ArrayList<>();
            if (startDate.changes(e.startDate)) {
                words.add("start date " + (e.startDate == null ? "none" : e.startDate) + " → "
                        + (startDate.value() == null ? "none" : startDate.value()));
            }
            Birthday b = birthday.value();
            if (birthday.present() && !(b == null ? e.birthMonth == null && e.birthDay == null
                    : Integer.valueOf(b.month()).equals(e.birthMonth) && Integer.valueOf(b.day()).equals(e.birthDay))) {
                words.add(b == null ? "birthday removed" : e.birthMonth == null ? "birthday set" : "birthday changed");
            }
            if (timeZone.changes(e.timeZone)) {
                words.add("time zone " + (e.timeZone == null ? "default" : e.timeZone) + " → "
                        + (timeZone.value() == null ? "default" : timeZone.value()));
            }
            if (onLeave.changes(e.onLeave)) {
                words.add(onLeave.value() ? "on leave" : "back from leave");
            }
            return words;
        }

        /** What this sets for a new employee, in words: the birthday only as "birthday set". */
        List<String> settings() {
            List<String> words = new ArrayList<>();
            if (startDate.value() != null) {
                words.add("start date " + startDate.value());
            }
            if (birthday.value() != null) {
                words.add("birthday set");
            }
            if (timeZone.value() != null) {
                words.add("time zone " + timeZone.value());
            }
            if (Boolean.TRUE.equals(onLeave.value())) {
                words.add("on leave");
            }
            return words;
        }

        void applyTo(Employee e) {
            if (startDate.present()) {
                e.startDate = startDate.value();
            }
            if (birthday.present()) {
                e.birthMonth = birthday.value() == null ? null : birthday.value().month();
                e.birthDay = birthday.value() == null ? null : birthday.value().day();
            }
            if (timeZone.present()) {
                e.timeZone = timeZone.value();
            }
            if (onLeave.present()) {
                e.onLeave = onLeave.value();
            }
        }
    }

    static final LocalDate EARLIEST_START = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_START = LocalDate.of(2099, 12, 31);

    /**
     * The time zones an employee may have: the IANA ids of places (as {@code Europe/Berlin}) and UTC,
     * sorted; the same list the send-later form offers. Fixed offsets are not among them: a place's
     * zone follows its summer time, an offset does not.
     */
    static final List<String> ZONES;
    private static final Map<String, String> CANONICAL = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final Pattern OFFSET = Pattern.compile(
            "(?i)(utc|gmt|z|etc/gmt|etc/utc)?\\s*[+\\-\\u2212]\\s*\\d{1,2}(:?\\d{2})?");

    static {
        List<String> zones = new ArrayList<>();
        zones.add("UTC");
        new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .forEach(zones::add);
        ZONES = List.copyOf(zones);
        ZONES.forEach(z -> CANONICAL.put(z, z));
    }

    private OccasionFields() {
    }

    /** A start date written as ISO 8601 (2021-03-01), between 1900 and 2099. */
    static LocalDate startDate(String text) {
        String t = text.strip();
        LocalDate date;
        try {
            date = LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new Invalid("the start date \"" + DirectoryRows.truncate(t, 40) + "\" is not a date written as "
                    + "yyyy-MM-dd, such as 2021-03-01 (no other form is read)");
        }
        if (date.isBefore(EARLIEST_START) || date.isAfter(LATEST_START)) {
            throw new Invalid("the start date " + t + " is not between 1900 and 2099");
        }
        return date;
    }

    /** A time zone's IANA id as the zone list spells it (case ignored); offsets are refused. */
    static String timeZone(String text) {
        String t = text.strip();
        String zone = CANONICAL.get(t);
        if (zone != null) {
            return zone;
        }
        if (OFFSET.matcher(t).matches()) {
            throw new Invalid("the time zone \"" + DirectoryRows.truncate(t, 40) + "\" is an offset from UTC: "
                    + "give the place's time zone instead, such as Europe/Berlin, which follows its summer time");
        }
        throw new Invalid("the time zone \"" + DirectoryRows.truncate(t, 40) + "\" is not an IANA time zone "
                + "such as Europe/Berlin or America/New_York");
    }

    /** A status as a file writes it: active, on leave or left (case, spaces, hyphens ignored). */
    static Employee.Status status(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
        return switch (t) {
            case "", "active" -> Employee.Status.ACTIVE;
            case "onleave", "leave" -> Employee.Status.ON_LEAVE;
            case "left", "inactive", "deactivated" -> Employee.Status.LEFT;
            default -> throw new Invalid("the status \"" + DirectoryRows.truncate(text.strip(), 40)
                    + "\" is not one of active, on leave, left");
        };
    }
}
