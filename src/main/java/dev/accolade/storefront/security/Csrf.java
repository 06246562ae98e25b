package dev.accolade.storefront.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-site request forgery protection for the storefront's forms: every form carries
 * {@code {inject:csrf.token}} in a hidden {@code csrf-token} field, and {@link CsrfFilter} refuses
 * every state-changing request without the token of this browser's session. The token is derived,
 * never stored: an HMAC with the session key of the signed-in session's id, or, before sign-in, of a
 * random visitor id kept in an HttpOnly, SameSite=Strict cookie. So no value is a token unless this
 * server derived it for this session (a planted cookie and token, or any value in both, is refused),
 * and signing in or out changes it ({@link #rotate}). APIs that authenticate each call themselves
 * (the RaaS API under {@code /raas/v1}) are not browser form targets: {@link CsrfFilter#NOT_FORMS}.
 */
@Named("csrf")
@RequestScoped
public class Csrf {

    public static final String COOKIE = "accolade-csrf";
    public static final String FIELD = "csrf-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CurrentVertxRequest request;
    private final CurrentUser me;
    private final SessionCookies keys;
    private String visitor;
    private String token;

    Csrf(CurrentVertxRequest request, CurrentUser me, SessionCookies keys) {
        this.request = request;
        this.me = me;
        this.keys = keys;
    }

    /** The token of this session (or visitor, whose cookie is set the first time a form is rendered). */
    public String getToken() {
        if (token == null) {
            token = expected(true);
        }
        return token;
    }

    public String getField() {
        return FIELD;
    }

    /** Signing in or out: the visitor gets a new id, so no token from before is accepted after. */
    void rotate() {
        token = null;
        visitor = newVisitor();
    }

    /** Refuses the request (400) unless the submitted token is this session's. */
    void verify(String submitted) {
        String expected = expected(false);
        if (submitted == null || expected == null || !MessageDigest.isEqual(
                submitted.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRefused();
        }
    }

    private String expected(boolean create) {
        String session = me.getSessionId();
        if (session != null) {
            return keys.mac("csrf-session", session);
        }
        if (visitor == null) {
            Cookie existing = request.getCurrent().request().getCookie(COOKIE);
            if (existing != null && existing.getValue().length() == 43) {
                visitor = existing.getValue();
            } else if (create) {
                visitor = newVisitor();
            } else {
                return null;
            }
        }
        return keys.mac("csrf-visitor", visitor);
    }

    private String newVisitor() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RoutingContext context = request.getCurrent();
        context.response().addCookie(Cookie.cookie(COOKIE, id).setPath("/").setHttpOnly(true)
                .setSecure(SessionCookies.secure(context.request())).setSameSite(CookieSameSite.STRICT));
        return id;
    }

    /** A form submitted without this session's token. */
    public static final class CsrfRefused extends RuntimeException {
        CsrfRefused() {
            super("The form was not submitted from an Accolade page or has expired.", null, false, false);
        }
    }
}
