package dev.accolade.storefront.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import dev.accolade.storefront.directory.DepartmentRef;

/**
 * Looks the session's user up on every request, so that disabling a user or raising their session
 * version ends their sessions at once, on every replica.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationMechanism.SessionRequest> {

    public static final String USER_ID = "accolade.user-id";
    public static final String DEPARTMENT_ID = "accolade.department-id";
    public static final String DEPARTMENT = "accolade.department";
    public static final String DISPLAY_NAME = "accolade.display-name";
    public static final String SIGNED_IN_AT = "accolade.signed-in-at";
    public static final String SESSION_VERSION = "accolade.session-version";

    @Override
    public Class<SessionAuthenticationMechanism.SessionRequest> getRequestType() {
        return SessionAuthenticationMechanism.SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationMechanism.SessionRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> identity(request.session));
    }

    @ActivateRequestContext
    @Transactional
    SecurityIdentity identity(SessionCookies.Session session) {
        // One query: the user and their department, which every page shows.
        AppUser user = AppUser.<AppUser> find("from AppUser u left join fetch u.department where u.id = ?1",
                session.userId()).firstResult();
        if (user == null || !user.enabled || user.sessionVersion != session.version()) {
            throw new AuthenticationFailedException("session is no longer valid");
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.email))
                .addRole(user.role.name())
                .addAttribute(USER_ID, user.id)
                .addAttribute(DISPLAY_NAME, user.displayName)
                .addAttribute(SIGNED_IN_AT, session.signedInAt())
                .addAttribute(SESSION_VERSION, session.version());
        if (user.department != null) {
            builder.addAttribute(DEPARTMENT_ID, user.department.id);
            builder.addAttribute(DEPARTMENT, DepartmentRef.of(user.department));
        }
        return builder.build();
    }
}
