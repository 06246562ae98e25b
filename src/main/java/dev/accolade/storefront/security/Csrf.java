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
 * Cross-site request forgery protection for the storefront's forms (double-submit cookie): every
 * form carries {@code {inject:csrf.token}} in a hidden {@code csrf-token} field, and {@link CsrfFilter}
 * refuses every state-changing request whose field does not match the HttpOnly, SameSite=Strict
 * cookie. APIs that authenticate each call themselves (the RaaS API under {@code /raas/v1}) are not
 * browser form targets and are not covered: {@link CsrfFilter#NOT_FORMS} lists them.
 */
@Named("csrf")
@RequestScoped
public class Csrf {

    public static final String COOKIE = "accolade-csrf";
    public static final String FIELD = "csrf-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CurrentVertxRequest request;
    private String token;

    Csrf(CurrentVertxRequest request) {
        this.request = request;
    }

    /** The token for this browser, set as a cookie the first time a form is rendered. */
    public String getToken() {
        if (token != null) {
            return token;
        }
        RoutingContext context = request.getCurrent();
        Cookie existing = context.request().getCookie(COOKIE);
        if (existing != null && existing.getValue().length() == 43) {
            token = existing.getValue();
        } else {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            context.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
                    .setSecure(context.request().isSSL()).setSameSite(CookieSameSite.STRICT));
        }
        return token;
    }

    public String getField() {
        return FIELD;
    }

    /** Refuses the request (400) unless the submitted token matches this browser's cookie. */
    void verify(String submitted) {
        Cookie cookie = request.getCurrent().request().getCookie(COOKIE);
        if (submitted == null || cookie == null || !MessageDigest.isEqual(
                submitted.getBytes(StandardCharsets.UTF_8), cookie.getValue().getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRefused();
        }
    }

    /** A form submitted without this browser's token. */
    public static final class CsrfRefused extends RuntimeException {
        CsrfRefused() {
            super("The form was not submitted from an Accolade page or has expired.", null, false, false);
        }
    }
}
