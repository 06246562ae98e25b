package dev.accolade.common;

import java.math.BigDecimal;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * An amount of US dollars as a person types it into a form: {@code 25}, {@code 25.5}, {@code $25.50},
 * {@code 1,250.00}. A comma is read only as a thousands separator between groups of three digits, so
 * {@code 12,50} or {@code 5,00} (a decimal comma) is refused rather than read as 1,250 or 500 dollars.
 */
public final class Dollars {

    /** The message for an amount whose comma is not a thousands separator. */
    public static final String DECIMAL_COMMA = "Use a point for cents, as in 12.50 (a comma only separates "
            + "thousands, as in 1,250.00).";

    private static final Pattern TYPED = Pattern.compile("(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{0,2})?|\\.\\d{1,2}");
    private static final Pattern NEGATIVE = Pattern.compile("-\\s*\\$?\\s*[\\d.,]+");
    /** More than any amount Accolade handles (RaaS amounts are cents in a 32-bit integer). */
    private static final long MAX_CENTS = 10_000_000_000L;
    /** More characters than the longest amount that can be read ({@code $10,000,000,000.00} has 18). */
    private static final int MAX_LENGTH = 24;

    private Dollars() {
    }

    /** The amount in cents; empty when the text is not a non-negative amount with at most two decimals. */
    public static OptionalLong parse(String typed) {
        String plain = plain(typed);
        // An overlong text is no amount, and is not read at all.
        if (plain == null || plain.length() > MAX_LENGTH || !TYPED.matcher(plain).matches()) {
            return OptionalLong.empty();
        }
        BigDecimal value = new BigDecimal(plain.replace(",", "").replaceAll("\\.$", ""));
        BigDecimal cents = value.movePointRight(2);
        // The range is checked before the amount is made a long, which many digits would overflow.
        return cents.compareTo(BigDecimal.valueOf(MAX_CENTS)) > 0 ? OptionalLong.empty()
                : OptionalLong.of(cents.longValueExact());
    }

    /**
     * The message for a money field whose text is no amount: a decimal comma is named as the mistake,
     * anything else gets {@code otherwise}.
     */
    public static String notAnAmount(String typed, String otherwise) {
        return hasDecimalComma(typed) ? DECIMAL_COMMA : otherwise;
    }

    /** Whether the text is a number written with a decimal comma, such as {@code 12,50}. */
    public static boolean hasDecimalComma(String typed) {
        String plain = plain(typed);
        return plain != null && plain.length() <= MAX_LENGTH && plain.contains(",") && plain.matches("[\\d,]*\\d(\\.\\d*)?")
                && !TYPED.matcher(plain).matches();
    }

    /** Whether the text is a negative number (so the message can be about the range, not the format). */
    public static boolean isNegative(String typed) {
        return typed != null && typed.length() <= MAX_LENGTH && NEGATIVE.matcher(typed.strip()).matches();
    }

    /**
     * Whether the text is a number outside every amount's range: negative, or written well but too
     * large (so the message can be about the range, not the format).
     */
    public static boolean isOutOfRange(String typed) {
        String plain = plain(typed);
        if (isNegative(typed)) {
            return true;
        }
        if (plain == null) {
            return false;
        }
        boolean wellWritten = plain.length() > MAX_LENGTH ? plain.matches("\\d+(\\.\\d{0,2})?")
                : TYPED.matcher(plain).matches();
        return wellWritten && parse(typed).isEmpty();
    }

    private static String plain(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String s = typed.strip();
        if (s.startsWith("$")) {
            s = s.substring(1).strip();
        }
        return s;
    }
}
