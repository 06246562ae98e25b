package dev.accolade.raas.sandbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** ISO 8601 as RaaS writes it ({@code 2013-03-12T15:17:16+00:00}) and reads it (any offset). */
public final class RaasDates {

    static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter();

    private RaasDates() {
    }

    public static String format(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(WRITE);
    }

    /**
     * Parses a query parameter. A {@code +} offset arrives as a space when the client did not encode
     * it, so a space is read back as {@code +}. Values without an offset are taken as UTC.
     */
    static final OffsetDateTime EARLIEST = OffsetDateTime.parse("0001-01-01T00:00:00Z");
    static final OffsetDateTime LATEST = OffsetDateTime.parse("9999-12-31T23:59:59Z");

    public static OffsetDateTime parse(String value, String field) {
        try {
            // A date past either end of what a database keeps means "no bound" on that side.
            OffsetDateTime time = OffsetDateTime.parse(value.trim().replace(' ', '+'), READ);
            return time.isBefore(EARLIEST) ? EARLIEST : time.isAfter(LATEST) ? LATEST : time;
        } catch (DateTimeParseException e) {
            throw RaasException.validation(field, "must be an ISO 8601 date-time such as 2013-03-01T00:00:00-08:00");
        }
    }
}
