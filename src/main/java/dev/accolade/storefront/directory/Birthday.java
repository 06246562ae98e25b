package dev.accolade.storefront.directory;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birthday as the directory keeps it: a month and a day, never a year (no year of birth is stored).
 * 29 February is a birthday; 31 April is not. Read from a file as {@code MM-DD}, ISO 8601's
 * {@code --MM-DD}, or in words ({@code 12 March}, {@code March 12}, {@code 12 Mar}); a full date is
 * refused, with a message that says why.
 */
record Birthday(int month, int day) {

    /** A text that was not a birthday, with the message that says what to write instead. */
    static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message, null);
        }
    }

    private static final String FORMS = "write the month and day as 03-12, --03-12 or 12 March";
    private static final Pattern NUMERIC = Pattern.compile("(?:--)?(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(\\p{L}+)\\.?");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2}");

    Birthday {
        if (month < 1 || month > 12) {
            throw new Invalid(month + " is not a month (1 to 12)");
        }
        if (day < 1 || day > Month.of(month).maxLength()) {
            throw new Invalid("there is no " + day + " " + monthName(month));
        }
    }

    /** The employee's birthday, or null when none is recorded. */
    static Birthday of(Employee e) {
        return e.birthMonth == null || e.birthDay == null ? null : new Birthday(e.birthMonth, e.birthDay);
    }

    /** A birthday as written in a file; {@link Invalid} with what to write instead. */
    static Birthday parse(String text) {
        String t = text.strip();
        if (YEAR.matcher(t).find()) {
            throw new Invalid("the birthday \"" + DirectoryRows.truncate(t, 40) + "\" has a year: only the day and "
                    + "month are kept (no year of birth is stored), so " + FORMS);
        }
        Matcher m = NUMERIC.matcher(t);
        if (m.matches()) {
            return new Birthday(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = DAY_MONTH.matcher(t);
        if (m.matches()) {
            return new Birthday(month(m.group(2), t), Integer.parseInt(m.group(1)));
        }
        m = MONTH_DAY.matcher(t);
        if (m.matches()) {
            return new Birthday(month(m.group(1), t), Integer.parseInt(m.group(2)));
        }
        throw new Invalid("the birthday \"" + DirectoryRows.truncate(t, 40) + "\" is not a day and month: " + FORMS);
    }

    /** An English month name or its abbreviation (three letters, or "Sept"). */
    private static int month(String word, String text) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            String name = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (w.equals(name) || w.equals(name.substring(0, 3)) || month == Month.SEPTEMBER && w.equals("sept")) {
                return month.getValue();
            }
        }
        throw new Invalid("the birthday \"" + DirectoryRows.truncate(text, 40) + "\" does not name a month in "
                + "English: " + FORMS);
    }

    static String monthName(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** "12 March", as pages show it. */
    String display() {
        return day + " " + monthName(month);
    }
}
