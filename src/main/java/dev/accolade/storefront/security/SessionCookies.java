package dev.accolade.storefront.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * Signed session cookies, so that any replica can serve any request. The cookie holds the user id, the
 * user's session version (raised to end all sessions), the sign-in time, the time of the last request
 * and the session's id (its {@code user_session} row, which signing out ends: {@link Sessions}); an
 * HMAC-SHA256 with the shared key makes it tamper-proof. The same key derives the session's CSRF
 * token ({@link #mac}).
 */
@ApplicationScoped
public class SessionCookies {

    public static final String NAME = "accolade-session";

    /** A verified session. */
    public record Session(long userId, int version, long signedInAt, long lastSeenAt, String id) {
    }

    private final SessionConfig config;
    private final Clock clock;
    private SecretKeySpec key;

    SessionCookies(SessionConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @PostConstruct
    void init() {
        SessionKeyCheck.problem(config.key(), false).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        key = new SecretKeySpec(config.key().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public Cookie issue(long userId, int version, long signedInAt, String sessionId, boolean secure) {
        long now = clock.millis() / 1000;
        String payload = userId + ":" + version + ":" + signedInAt + ":" + now + ":" + sessionId;
        String value = b64(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64(sign(payload));
        return cookie(value, secure).setMaxAge(config.absoluteTimeout().toSeconds());
    }

    /** A new session, signed in now. */
    public Cookie signIn(long userId, int version, String sessionId, boolean secure) {
        return issue(userId, version, clock.millis() / 1000, sessionId, secure);
    }

    /**
     * Whether the request reached the user over HTTPS: directly, or through a proxy that said so in
     * {@code X-Forwarded-Proto} or {@code Forwarded}, which Quarkus reads only with
     * {@code quarkus.http.proxy.proxy-address-forwarding} on and from the trusted proxies.
     */
    public static boolean secure(io.vertx.core.http.HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.scheme());
    }

    /** An HMAC-SHA256 of the purpose and value with the session key, base64url: the CSRF tokens. */
    String mac(String purpose, String value) {
        return b64(sign(purpose + ":" + value));
    }

    public Cookie expired(boolean secure) {
        return cookie("", secure).setMaxAge(0);
    }

    private Cookie cookie(String value, boolean secure) {
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true)
                .setSecure(secure || config.forceSecureCookies()).setSameSite(CookieSameSite.LAX);
    }

    /** The session in a cookie value, when its signature holds and neither timeout has passed. */
    public Optional<Session> read(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] mac = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split(":");
            if (parts.length != 5) {
                return Optional.empty();
            }
            Session s = new Session(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]),
                    Long.parseLong(parts[3]), parts[4]);
            long now = clock.millis() / 1000;
            if (now - s.lastSeenAt() > config.idleTimeout().toSeconds()
                    || now - s.signedInAt() > config.absoluteTimeout().toSeconds()) {
                return Optional.empty();
            }
            return Optional.of(s);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a session's cookie should be re-issued to move its idle deadline (at most once a minute). */
    public boolean needsRefresh(Session s) {
        return clock.millis() / 1000 - s.lastSeenAt() >= 60;
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
