package dev.accolade.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * Values that survive one redirect (post, redirect, get): the message to show, field errors and the
 * values a user entered. Carried in a short-lived cookie and cleared by the page that shows them.
 * Templates read it as {@code {inject:flash.get('message')}}.
 */
@Named("flash")
@RequestScoped
public class Flash {

    public static final String COOKIE = "accolade-flash";

    private final CurrentVertxRequest request;
    private final ObjectMapper mapper;
    private Map<String, String> incoming;
    private final Map<String, String> outgoing = new LinkedHashMap<>();

    Flash(CurrentVertxRequest request, ObjectMapper mapper) {
        this.request = request;
        this.mapper = mapper;
    }

    /** Keeps a value for the next page. */
    public Flash put(String key, String value) {
        if (value != null) {
            outgoing.put(key, value);
            Cookie cookie = Cookie.cookie(COOKIE, encode(outgoing)).setPath("/").setHttpOnly(true).setMaxAge(120)
                    .setSameSite(CookieSameSite.LAX).setSecure(secure(request.getCurrent().request()));
            request.getCurrent().response().removeCookie(COOKIE, false);
            request.getCurrent().response().addCookie(cookie);
        }
        return this;
    }

    /**
     * Whether the browser's request was HTTPS: on the connection, or as a trusted proxy reported it
     * (Quarkus reads {@code X-Forwarded-Proto} into the scheme only from the trusted proxies).
     */
    private static boolean secure(io.vertx.core.http.HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.scheme());
    }

    /** A value kept by the previous request, or null; reading clears the cookie. */
    public String get(String key) {
        return incoming().get(key);
    }

    public boolean has(String key) {
        return incoming().containsKey(key);
    }

    private Map<String, String> incoming() {
        if (incoming == null) {
            incoming = new HashMap<>();
            var current = request.getCurrent();
            Cookie cookie = current.request().getCookie(COOKIE);
            if (cookie != null && !cookie.getValue().isEmpty()) {
                try {
                    incoming = mapper.readValue(Base64.getUrlDecoder().decode(cookie.getValue()),
                            new TypeReference<HashMap<String, String>>() {
                            });
                } catch (Exception e) {
                    incoming = new HashMap<>();
                }
                if (outgoing.isEmpty()) {
                    current.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
                }
            }
        }
        return incoming;
    }

    private String encode(Map<String, String> values) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(values));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
