package dev.accolade.storefront.users;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;
import dev.accolade.storefront.security.Sessions;

/**
 * Users as admins manage them. A new user is invited ({@link InvitationService}): they set their own
 * password with a one-time link. Disabling a user or resetting their password raises their session
 * version, which ends their sessions at once.
 */
@ApplicationScoped
public class UserAdminService {

    /** A change that was refused, with the message to show. */
    public static final class Refused extends RuntimeException {
        public final String field;

        Refused(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private final AuditTrail audit;
    private final Actors actors;
    private final PasswordPolicy passwords;
    private final InvitationService invitations;
    private final Clock clock;
    private final Sessions sessions;

    UserAdminService(AuditTrail audit, Actors actors, PasswordPolicy passwords, InvitationService invitations,
            Clock clock, Sessions sessions) {
        this.sessions = sessions;
        this.audit = audit;
        this.actors = actors;
        this.passwords = passwords;
        this.invitations = invitations;
        this.clock = clock;
    }

    @Transactional
    public InvitationService.Invitation create(String email, String displayName, Role role, Long departmentId) {
        String e = email.strip().toLowerCase();
        if (AppUser.findByEmail(e).isPresent()) {
            throw new Refused("email", "A user with this email already exists.");
        }
        Department d = department(role, departmentId);
        AppUser u = new AppUser();
        u.email = e;
        u.displayName = displayName;
        u.role = role;
        u.departmentId = d == null ? null : d.id;
        // No password until the invitation is used: a hash of a random secret nobody knows.
        u.passwordHash = BcryptUtil.bcryptHash(InvitationService.secret());
        u.createdAt = Clocks.utcNow(clock);
        u.persist();
        audit.record("USER_CREATE", u.email, "SUCCESS", describe(u));
        return invitations.invite(u);
    }

    @Transactional
    public AppUser update(long userId, String displayName, Role role, Long departmentId) {
        AppUser u = user(userId);
        if (isSelf(u) && role != Role.ADMIN) {
            throw new Refused("role", "You cannot take the administrator role from yourself.");
        }
        Department d = department(role, departmentId);
        String before = describe(u);
        u.displayName = displayName;
        u.role = role;
        u.departmentId = d == null ? null : d.id;
        audit.record("USER_UPDATE", u.email, "SUCCESS", before + " -> " + describe(u));
        return u;
    }

    @Transactional
    public AppUser setEnabled(long userId, boolean enabled) {
        AppUser u = user(userId);
        if (!enabled && isSelf(u)) {
            throw new Refused(null, "You cannot disable your own account.");
        }
        if (u.enabled != enabled) {
            u.enabled = enabled;
            if (!enabled) {
                u.sessionVersion++;
                sessions.endAll(u.id);
            }
        }
        audit.record(enabled ? "USER_ENABLE" : "USER_DISABLE", u.email, "SUCCESS", enabled ? null : "sessions ended");
        return u;
    }

    @Transactional
    public AppUser resetPassword(long userId, String password) {
        AppUser u = user(userId);
        passwords.problem(password).ifPresent(p -> {
            throw new Refused("password", p);
        });
        u.passwordHash = BcryptUtil.bcryptHash(password);
        u.sessionVersion++;
        sessions.endAll(u.id);
        u.failedAttempts = 0;
        u.lockedUntil = null;
        audit.record("USER_PASSWORD_RESET", u.email, "SUCCESS", "sessions ended");
        return u;
    }

    /** Whether the user is the one making the change. */
    private boolean isSelf(AppUser u) {
        return u.email.equalsIgnoreCase(actors.current().name());
    }

    private static Department department(Role role, Long departmentId) {
        Department d = departmentId == null ? null : Department.findById(departmentId);
        if (departmentId != null && d == null) {
            throw new Refused("department", "This department no longer exists.");
        }
        if (role == Role.MANAGER && d == null) {
            throw new Refused("department", "A manager sends from a department's account: choose the department.");
        }
        return d;
    }

    static AppUser user(long id) {
        AppUser u = AppUser.findById(id);
        if (u == null) {
            throw new jakarta.ws.rs.NotFoundException("no user " + id);
        }
        return u;
    }

    private static String describe(AppUser u) {
        Department d = u.departmentId == null ? null : Department.findById(u.departmentId);
        return u.displayName + ", " + u.role.label() + (d == null ? "" : ", " + d.name);
    }
}
