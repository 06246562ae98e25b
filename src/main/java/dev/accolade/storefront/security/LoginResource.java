package dev.accolade.storefront.security;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

import dev.accolade.common.Flash;

/** Sign-in and sign-out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String next, String email, String notice, SsoConfig sso);
    }

    private final LoginService logins;
    private final SessionCookies cookies;
    private final Flash flash;
    private final CurrentUser me;
    private final CurrentVertxRequest request;
    private final Csrf csrf;
    private final SsoConfig sso;

    LoginResource(LoginService logins, SessionCookies cookies, Flash flash, CurrentUser me,
            CurrentVertxRequest request, Csrf csrf, SsoConfig sso) {
        this.sso = sso;
        this.csrf = csrf;
        this.logins = logins;
        this.cookies = cookies;
        this.flash = flash;
        this.me = me;
        this.request = request;
    }

    @GET
    @Path("login")
    public Object loginPage(@QueryParam("next") String next, @QueryParam("ended") String ended) {
        if (me.isSignedIn()) {
            return Response.seeOther(URI.create(safeNext(next))).build();
        }
        return Templates.login(safeNext(next), flash.get("email"), endedNotice(ended), sso);
    }

    /** Why the sign-in page is shown: a session that ended, possibly under a form that was then refused. */
    static String endedNotice(String ended) {
        if ("form".equals(ended)) {
            return "Your session ended before the form was submitted, so nothing was saved or sent. "
                    + "Sign in to continue.";
        }
        if ("session".equals(ended)) {
            return "Your session ended. Sign in to continue.";
        }
        return null;
    }

    @POST
    @Path("login")
    public Response login(@RestForm String email, @RestForm String password, @RestForm String next) {
        LoginService.Attempt attempt = logins.attempt(email, password);
        String target = safeNext(next);
        if (attempt.user().isEmpty()) {
            flash.put("error", attempt.message()).put("email", email);
            return Response.seeOther(URI.create("/login" + (target.equals("/") ? "" : "?next="
                    + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8)))).build();
        }
        AppUser user = attempt.user().get();
        var rc = request.getCurrent();
        rc.response().addCookie(cookies.signIn(user.id, user.sessionVersion, attempt.sessionId(),
                SessionCookies.secure(rc.request())));
        csrf.rotate();
        return Response.seeOther(URI.create(target)).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        boolean viaSso = me.isSignedIn() && logins.signedOut(me.getEmail(), me.getSessionId());
        var rc = request.getCurrent();
        rc.response().addCookie(cookies.expired(SessionCookies.secure(rc.request())));
        csrf.rotate();
        flash.put("message", "You are signed out.");
        // A session from the identity provider: sign out there too (it sends the browser back to /login).
        return Response.seeOther(URI.create(viaSso && sso.enabled() ? "/sso/logout" : "/login")).build();
    }

    /** Only local paths are followed after sign-in, never another site. */
    static String safeNext(String next) {
        return NextPage.safe(next);
    }
}
