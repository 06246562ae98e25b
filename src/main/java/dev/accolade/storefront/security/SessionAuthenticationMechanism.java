package dev.accolade.storefront.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
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
            // The user signed out, was disabled or signed out everywhere: forget the cookie, continue anonymously.
            context.response().addCookie(cookies.expired(SessionCookies.secure(context.request())));
            return null;
        }).onItem().invoke(identity -> {
            if (identity != null && !identity.isAnonymous() && cookies.needsRefresh(s)) {
                context.response().addCookie(cookies.issue(s.userId(), s.version(), s.signedInAt(), s.id(),
                        SessionCookies.secure(context.request())));
            }
        });
    }

    /**
     * Sends the visitor to sign in, and back here afterwards. A refused form submission (a POST whose
     * session ended while the form was open) did nothing: the sign-in page says so, and returns to
     * the page the form was on (this site's {@code Referer}), since the form's own address may not be
     * a page at all (for the POST {@code /send}, a GET {@code /send} has no reward to show).
     */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        HttpServerRequest request = context.request();
        boolean form = request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD;
        String target = form ? formPage(request) : request.uri();
        StringBuilder location = new StringBuilder("/login");
        if (form) {
            location.append("?ended=form");
        } else if (request.getCookie(SessionCookies.NAME) != null) {
            location.append("?ended=session");
        }
        if (target != null && !target.equals("/") && !target.startsWith("/login")) {
            location.append(location.length() == "/login".length() ? '?' : '&').append("next=")
                    .append(URLEncoder.encode(target, StandardCharsets.UTF_8));
        }
        return Uni.createFrom().item(new ChallengeData(303, "Location", location.toString()));
    }

    /** The page a refused form was submitted from, when the browser names one of this site's; else the form's address. */
    static String formPage(HttpServerRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer != null) {
            try {
                URI from = new URI(referer);
                HostAndPort here = request.authority();
                if (here != null && from.getHost() != null && from.getHost().equalsIgnoreCase(here.host())
                        && from.getPort() == here.port() && from.getRawPath() != null && from.getRawPath().startsWith("/")) {
                    return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
                }
            } catch (URISyntaxException e) {
                // Not an address: fall back to the form's own.
            }
        }
        return request.uri();
    }

    /**
     * Before quarkus-oidc's mechanism: every page but {@code /sso/login} is Accolade's session's, and a
     * page that needs a user sends the visitor to Accolade's sign-in page, not to the provider.
     */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
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
