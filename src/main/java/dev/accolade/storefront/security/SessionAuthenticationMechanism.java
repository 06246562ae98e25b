package dev.accolade.storefront.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the signed session cookie and turns it into the signed-in user's identity; pages that need a
 * user send everyone else to {@code /login}. The RaaS sandbox API is left alone: it authenticates
 * platforms with HTTP Basic itself.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    private final SessionCookies cookies;

    SessionAuthenticationMechanism(SessionCookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (context.normalizedPath().startsWith("/raas/v1")) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        Cookie cookie = context.request().getCookie(SessionCookies.NAME);
        var session = cookies.read(cookie == null ? null : cookie.getValue());
        if (session.isEmpty()) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        SessionCookies.Session s = session.get();
        return identities.authenticate(new SessionRequest(s)).onFailure().recoverWithItem(() -> {
            // The user was disabled or signed out everywhere: forget the cookie, continue anonymously.
            context.response().addCookie(cookies.expired(context.request().isSSL()));
            return null;
        }).onItem().invoke(identity -> {
            if (identity != null && !identity.isAnonymous() && cookies.needsRefresh(s)) {
                context.response().addCookie(cookies.issue(s.userId(), s.version(), s.signedInAt(),
                        context.request().isSSL()));
            }
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String target = context.request().uri();
        String location = "/login" + (target == null || target.equals("/") || target.startsWith("/login") ? ""
                : "?next=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
        return Uni.createFrom().item(new ChallengeData(303, "Location", location));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    /** A request to turn a verified session into an identity. */
    public static final class SessionRequest extends io.quarkus.security.identity.request.BaseAuthenticationRequest {
        final SessionCookies.Session session;

        SessionRequest(SessionCookies.Session session) {
            this.session = session;
        }
    }
}
