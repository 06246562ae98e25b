package dev.accolade.storefront.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user as pages and services see them; {@code {inject:me.…}} in templates. */
@Named("me")
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String getEmail() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public String getDisplayName() {
        return identity.getAttribute(SessionIdentityProvider.DISPLAY_NAME);
    }

    public Long getUserId() {
        return identity.getAttribute(SessionIdentityProvider.USER_ID);
    }

    /** The id of this sign-in session (its {@code user_session} row). */
    public String getSessionId() {
        return identity.getAttribute(SessionIdentityProvider.SESSION_ID);
    }

    /** The department a manager acts for; null for users without one. */
    public Long getDepartmentId() {
        return identity.getAttribute(SessionIdentityProvider.DEPARTMENT_ID);
    }

    /** The user's department as read with the session check; null for users without one. */
    public DepartmentRef getDepartment() {
        return identity.getAttribute(SessionIdentityProvider.DEPARTMENT);
    }

    public boolean isManager() {
        return identity.hasRole(Role.MANAGER_NAME);
    }

    public boolean isHr() {
        return identity.hasRole(Role.HR_NAME);
    }

    public boolean isAdmin() {
        return identity.hasRole(Role.ADMIN_NAME);
    }

    public String getRole() {
        return isAdmin() ? Role.ADMIN.label() : isHr() ? Role.HR.label() : isManager() ? Role.MANAGER.label() : "";
    }
}
