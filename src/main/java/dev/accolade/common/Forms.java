package dev.accolade.common;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;

/**
 * What every form handler does alike: read a field as typed (trimmed) and answer with a redirect to
 * a page (post, redirect, get). Field rules are Bean Validation constraints on the form classes, and
 * their errors are shown by {@link FormErrors}.
 */
public final class Forms {

    private Forms() {
    }

    /** The field as typed, without surrounding spaces; empty when it was not sent. */
    public static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * A 303 to a page of this site. A path built from what a visitor sent (an address's own path
     * segment, say) may hold characters an address cannot: they are percent-encoded, never a failure.
     */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(addressable(path))).build();
    }

    /** The path with every character an address may not hold as it is percent-encoded (UTF-8). */
    static String addressable(String path) {
        StringBuilder b = new StringBuilder(path.length());
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean escape = c == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2]);
            if (escape || c < 0x80 && ALLOWED.indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    private static final String ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?";

    private static boolean hex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
