package dev.accolade.storefront.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.elytron.security.common.BcryptUtil;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * Users as admins manage them. A new user is invited: Accolade has no mail server, so the admin
 * gets a one-time link to pass on, with which the user sets their own password. Disabling a user
 * or resetting their password raises their session version, which ends their sessions at once.
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

    /** A new invitation: the user and the secret of the link, shown once. */
    public record Invitation(AppUser user, String secret, OffsetDateTime expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuditTrail audit;
    private final Actors actors;
    private final PasswordPolicy passwords;
    private final Clock clock;
    private final Duration invitationTtl;

    UserAdminService(AuditTrail audit, Actors actors, PasswordPolicy passwords, Clock clock,
            @ConfigProperty(name = "accolade.admin.invitation-ttl", defaultValue = "P7D") Duration invitationTtl) {
        this.audit = audit;
        this.actors = actors;
        this.passwords = passwords;
        this.clock = clock;
        this.invitationTtl = invitationTtl;
    }

    @Transactional
    public Invitation create(String email, String displayName, Role role, Long departmentId) {
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
        u.passwordHash = BcryptUtil.bcryptHash(secret());
        u.createdAt = Clocks.utcNow(clock);
        u.persist();
        audit.record("USER_CREATE", u.email, "SUCCESS", describe(u));
        return invite(u);
    }

    @Transactional
    public Invitation reinvite(long userId) {
        return invite(user(userId));
    }

    private Invitation invite(AppUser u) {
        OffsetDateTime now = Clocks.utcNow(clock);
        UserInvitation.update("expiresAt = ?1 where userId = ?2 and usedAt is null and expiresAt > ?1", now, u.id);
        String secret = secret();
        UserInvitation inv = new UserInvitation();
        inv.userId = u.id;
        inv.tokenHash = hash(secret);
        inv.createdBy = actors.current().name();
        inv.createdAt = now;
        inv.expiresAt = now.plus(invitationTtl);
        inv.persist();
        audit.record("USER_INVITE", u.email, "SUCCESS", "one-time link valid until " + Formats.display(inv.expiresAt));
        return new Invitation(u, secret, inv.expiresAt);
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
        u.failedAttempts = 0;
        u.lockedUntil = null;
        audit.record("USER_PASSWORD_RESET", u.email, "SUCCESS", "sessions ended");
        return u;
    }

    /** The user an invitation link is for, while it is open. */
    @Transactional
    public Optional<AppUser> invited(String secret) {
        return openInvitation(secret).map(inv -> AppUser.findById(inv.userId));
    }

    /** Sets the password of an invited user and closes the link. */
    @Transactional
    public AppUser accept(String secret, String password) {
        UserInvitation inv = openInvitation(secret)
                .orElseThrow(() -> new Refused(null, "This link has expired or was already used."));
        passwords.problem(password).ifPresent(p -> {
            throw new Refused("password", p);
        });
        AppUser u = AppUser.findById(inv.userId);
        u.passwordHash = BcryptUtil.bcryptHash(password);
        u.sessionVersion++;
        u.failedAttempts = 0;
        u.lockedUntil = null;
        inv.usedAt = Clocks.utcNow(clock);
        // The invited person is not signed in: the row names them, from this request's address.
        actors.runAs(actors.current().named(u.email),
                () -> audit.record("INVITATION_ACCEPT", u.email, "SUCCESS", "password set"));
        return u;
    }

    private Optional<UserInvitation> openInvitation(String secret) {
        if (secret == null || secret.length() != 43) {
            return Optional.empty();
        }
        OffsetDateTime now = Clocks.utcNow(clock);
        return UserInvitation.findByHash(hash(secret)).filter(inv -> inv.openAt(now));
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

    private static AppUser user(long id) {
        AppUser u = AppUser.findById(id);
        if (u == null) {
            throw new jakarta.ws.rs.NotFoundException("no user " + id);
        }
        return u;
    }

    private static String describe(AppUser u) {
        Department d = u.departmentId == null ? null : Department.findById(u.departmentId);
        return u.displayName + ", " + u.role + (d == null ? "" : ", " + d.name);
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
