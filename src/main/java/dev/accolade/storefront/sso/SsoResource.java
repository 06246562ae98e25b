package dev.accolade.storefront.sso;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestCookie;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.runtime.LaunchMode;

import dev.accolade.common.Flash;
import dev.accolade.common.PublicUrl;
import dev.accolade.storefront.errors.ErrorPages;
import dev.accolade.storefront.security.NextPage;
import dev.accolade.storefront.security.SessionStart;
import dev.accolade.storefront.security.SsoConfig;

/**
 * "Sign in with SSO": {@code /sso/start} checks the provider answers and remembers where to go next;
 * {@code /sso/login} is where quarkus-oidc brings the browser back with a verified ID token, turned here
 * into an Accolade session; {@code /sso/logout} ends the provider's session after Accolade's.
 */
@Path("/sso")
@Produces(MediaType.TEXT_HTML)
public class SsoResource {

    static final String NEXT_COOKIE = "accolade-sso-next";

    private final SsoConfig config;
    private final SsoProvider provider;
    private final SsoAccounts accounts;
    private final SessionStart sessions;
    private final Flash flash;
    private final OidcSession oidcSession;

    /** The provider's ID token of this request (request-scoped). */
    @Inject
    @IdToken
    JsonWebToken idToken;

    SsoResource(SsoConfig config, SsoProvider provider, SsoAccounts accounts, SessionStart sessions, Flash flash,
            OidcSession oidcSession) {
        this.config = config;
        this.provider = provider;
        this.accounts = accounts;
        this.sessions = sessions;
        this.flash = flash;
        this.oidcSession = oidcSession;
    }

    @GET
    @Path("start")
    public Response start(@QueryParam("next") String next) {
        if (!config.enabled()) {
            return notSetUp();
        }
        SsoProvider.Discovery discovery = provider.discover();
        if (!discovery.reachable()) {
            return ErrorPages.page(503, "Single sign-on is not answering", "Accolade could not reach your sign-in "
                    + "provider (" + discovery.problem() + "). Try again in a minute"
                    + (config.passwordSignIn() ? ", or sign in with your Accolade password." : ".")
                    + (LaunchMode.current() == LaunchMode.DEVELOPMENT ? " In development, start the demo provider with "
                            + "./mvnw -f dev-idp exec:exec" : ""));
        }
        return Response.seeOther(URI.create("/sso/login"))
                .cookie(new NewCookie.Builder(NEXT_COOKIE).value(NextPage.safe(next)).path("/sso").maxAge(600)
                        .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build())
                .build();
    }

    /** Reached only with a verified ID token: the code flow (PKCE, state, nonce) ran before this. */
    @GET
    @Path("login")
    public Response login(@RestCookie(NEXT_COOKIE) String next) {
        if (!config.enabled()) {
            return notSetUp();
        }
        SsoAccounts.Match match = accounts.match(idToken);
        // Accolade's own session carries on from here: the provider's session cookie is not kept.
        oidcSession.logout().await().indefinitely();
        NewCookie forgetNext = new NewCookie.Builder(NEXT_COOKIE).value("").path("/sso").maxAge(0).build();
        if (match.user().isEmpty() || !sessions.signIn(match.user().get(), "single sign-on", true)) {
            flash.put("error", match.user().isEmpty() ? match.refusal()
                    : "This account is disabled. Ask an administrator to enable it.");
            return Response.seeOther(URI.create("/login")).cookie(forgetNext).build();
        }
        return Response.seeOther(URI.create(NextPage.safe(next))).cookie(forgetNext).build();
    }

    /** After Accolade's sign-out of an SSO session: the provider ends its own and sends the browser to /login. */
    @GET
    @Path("logout")
    public Response logout() {
        var endSession = config.enabled() ? provider.discover().endSession() : java.util.Optional.<String> empty();
        if (endSession.isEmpty()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        String back = PublicUrl.link("/login");
        String to = endSession.get() + (endSession.get().contains("?") ? "&" : "?") + "client_id="
                + URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8) + "&post_logout_redirect_uri="
                + URLEncoder.encode(back, StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(to)).build();
    }

    private static Response notSetUp() {
        return ErrorPages.page(404, "Single sign-on is not set up", "This Accolade signs in with passwords only. "
                + "An administrator can connect your company's sign-in provider (see docs/identity.md).");
    }
}
