package dev.accolade.common;

import java.net.URI;

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

    /** A 303 to a page of this site. */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
