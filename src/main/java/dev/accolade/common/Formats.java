package dev.accolade.common;

import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Formatting used by every page: money from integer cents, times in UTC. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private Formats() {
    }

    /** {@code 1250} becomes {@code $12.50}. */
    public static String dollars(long cents) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        return format.format(cents / 100.0d);
    }

    /** {@code 1250} becomes {@code 12.50}, as a form field holds it. */
    public static String plainDollars(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }

    public static String display(java.time.Instant time) {
        return time == null ? "" : display(time.atOffset(ZoneOffset.UTC));
    }

    public static String display(OffsetDateTime time) {
        return time == null ? "" : time.withOffsetSameInstant(ZoneOffset.UTC).format(TIME);
    }
}
