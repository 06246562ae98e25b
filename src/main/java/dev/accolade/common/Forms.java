package dev.accolade.common;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import dev.accolade.common.Flash;

/**
 * Small helpers shared by the admin pages: emails, redirects and field errors. Amounts are read by
 * {@link dev.accolade.common.Dollars}.
 */
public final class AdminForms {

    public static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    /** Field errors travel in the flash under this prefix: {@code e.<field>}. */
    public static final String ERROR = "e.";

    private AdminForms() {
    }

    public static boolean isEmail(String s) {
        return s != null && s.length() <= 255 && EMAIL.matcher(s).matches();
    }

    public static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** Sends the user back to a form with the errors and the values to show again. */
    public static Response back(Flash flash, String path, String message, Map<String, String> errors,
            Map<String, String> values) {
        flash.put("error", message);
        errors.forEach((k, v) -> flash.put(ERROR + k, v));
        values.forEach(flash::put);
        return seeOther(path);
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
