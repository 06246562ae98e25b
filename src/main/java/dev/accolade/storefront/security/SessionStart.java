package dev.accolade.storefront.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Signs a user in on the current request, as the sign-in form does: a new session (its row and audit
 * row), its cookie, and a new CSRF token. For pages where a person proves who they are without the
 * sign-in form, such as choosing a password on an invitation link.
 */
@ApplicationScoped
public class SessionStart {

    private final LoginService logins;
    private final SessionCookies cookies;
    private final CurrentVertxRequest request;
    private final Csrf csrf;

    SessionStart(LoginService logins, SessionCookies cookies, CurrentVertxRequest request, Csrf csrf) {
        this.logins = logins;
        this.cookies = cookies;
        this.request = request;
        this.csrf = csrf;
    }

    /** True when the user is now signed in; false when their account may not sign in (disabled). */
    public boolean signIn(AppUser user, String how) {
        return signIn(user, how, false);
    }

    /** As {@link #signIn(AppUser, String)}, for a session started through the identity provider when {@code viaSso}. */
    public boolean signIn(AppUser user, String how, boolean viaSso) {
        return logins.startSession(user, how, viaSso).map(id -> {
            var rc = request.getCurrent();
            rc.response().addCookie(cookies.signIn(user.id, user.sessionVersion, id, SessionCookies.secure(rc.request())));
            csrf.rotate();
            return true;
        }).orElse(false);
    }
}
