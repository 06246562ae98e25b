package dev.accolade.storefront.admin;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import dev.accolade.common.Dollars;
import dev.accolade.common.Flash;

/** Small helpers shared by the admin pages: amounts, emails, redirects and field errors. */
final class AdminForms {

    static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    /** Field errors travel in the flash under this prefix: {@code e.<field>}. */
    static final String ERROR = "e.";

    private AdminForms() {
    }

    /** Dollars as typed ({@code 25}, {@code 25.5}, {@code $1,000.00}) to cents; empty when not an amount. */
    static OptionalLong cents(String dollars) {
        return Dollars.parse(dollars);
    }

    /** The message for a money field that holds no amount: a decimal comma is named as the mistake. */
    static String notAnAmount(String typed, String otherwise) {
        return Dollars.hasDecimalComma(typed) ? Dollars.DECIMAL_COMMA : otherwise;
    }

    static boolean isEmail(String s) {
        return s != null && s.length() <= 255 && EMAIL.matcher(s).matches();
    }

    static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** Sends the user back to a form with the errors and the values to show again. */
    static Response back(Flash flash, String path, String message, Map<String, String> errors,
            Map<String, String> values) {
        flash.put("error", message);
        errors.forEach((k, v) -> flash.put(ERROR + k, v));
        values.forEach(flash::put);
        return seeOther(path);
    }

    static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
