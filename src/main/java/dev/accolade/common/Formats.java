package dev.accolade.common;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Formatting used by every page: money from integer cents, times in UTC. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private Formats() {
    }

    /** At most {@code max} characters of a text to be stored in a column of that width; null stays null. */
    public static String clipped(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** At most {@code max} characters of a text to be read, an ellipsis marking a cut; null stays null. */
    public static String shortened(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** {@code 1250} becomes {@code $12.50}. */
    public static String dollars(long cents) {
        // Exact integer arithmetic (no floating point, no per-call formatter): -$1,234.05.
        String whole = Long.toString(Math.abs(cents / 100));
        long fraction = Math.abs(cents % 100);
        StringBuilder out = new StringBuilder(whole.length() + whole.length() / 3 + 5);
        if (cents < 0) {
            out.append('-');
        }
        out.append('$');
        int lead = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        out.append(whole, 0, lead);
        for (int i = lead; i < whole.length(); i += 3) {
            out.append(',').append(whole, i, i + 3);
        }
        return out.append('.').append(fraction < 10 ? "0" : "").append(fraction).toString();
    }

    /**
     * An amount in a currency: US dollars read {@code $12.50}; any other currency names its code, as
     * {@code CAD 50.00}, so that a Canadian or Australian dollar is never taken for a US one.
     */
    public static String money(long cents, String currency) {
        if (currency == null || currency.isBlank() || "USD".equals(currency)) {
            return dollars(cents);
        }
        String usd = dollars(cents);
        return currency + " " + (cents < 0 ? "-" : "") + usd.substring(usd.indexOf('$') + 1);
    }

    /**
     * A count with its noun: {@code 1.counted('change')} is {@code 1 change}, {@code 3.counted('change')}
     * {@code 3 changes}; nouns whose plural is not {@code +s} give it, as in
     * {@code n.counted('discrepancy', 'discrepancies')}.
     */
    public static String counted(int count, String noun) {
        return counted(count, noun, noun.endsWith("s") || noun.endsWith("x") ? noun + "es" : noun + "s");
    }

    public static String counted(int count, String noun, String plural) {
        return count + " " + (count == 1 ? noun : plural);
    }

    /** {@code 1250} becomes {@code 12.50}, as a form field holds it. */
    public static String plainDollars(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** A value as one query-string parameter: {@code a&b c} becomes {@code a%26b+c}. */
    public static String urlEncoded(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static String display(java.time.Instant time) {
        return time == null ? "" : display(time.atOffset(ZoneOffset.UTC));
    }

    public static String display(OffsetDateTime time) {
        return time == null ? "" : time.withOffsetSameInstant(ZoneOffset.UTC).format(TIME);
    }

    /** The UTC day alone, {@code 29 Nov 2026}: with {@link #displayClock}, for a table whose heading says UTC. */
    public static String displayDay(OffsetDateTime time) {
        return time == null ? "" : time.withOffsetSameInstant(ZoneOffset.UTC).format(DAY);
    }

    /** The UTC time of day, {@code 08:07}. */
    public static String displayClock(OffsetDateTime time) {
        return time == null ? "" : time.withOffsetSameInstant(ZoneOffset.UTC).format(CLOCK);
    }

    /** ISO 8601 in UTC, {@code 2026-11-29T08:07:12Z}, as a {@code <time datetime>} attribute holds it. */
    public static String iso(OffsetDateTime time) {
        return time == null ? "" : time.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }
}
