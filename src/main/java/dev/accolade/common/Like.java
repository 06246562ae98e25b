package dev.accolade.common;

import java.util.Locale;

/**
 * Search text for a {@code like} condition written with {@code escape '\'}: the wildcards {@code %}
 * and {@code _} a person types are searched for as themselves, never as wildcards.
 */
public final class Like {

    private Like() {
    }

    /** The text with {@code \}, {@code %} and {@code _} escaped by a backslash. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern matching values that contain the text in any case (compare with {@code lower(...)}). */
    public static String containing(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }
}
