package dev.accolade.storefront.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

import dev.accolade.storefront.audit.AuditTrail;

/**
 * Checks a sign-in attempt: bcrypt password, disabled accounts, and a lockout after too many
 * failures in a row. Every attempt is audited in the same transaction, success or not.
 */
@ApplicationScoped
public class LoginService {

    /** The outcome of a sign-in attempt; {@code user} is present only on success. */
    public record Attempt(Optional<AppUser> user, String message) {
    }

    /**
     * Verified against when the email is unknown, so an unknown email takes as long as a wrong
     * password: a bcrypt hash of a throw-away password with the cost {@link BcryptUtil#bcryptHash}
     * gives real passwords (10). A constant, so that no hash is computed while the application starts.
     */
    static final String DECOY_HASH = "$2a$10$vYK76hH/ldgBZiS4KqOxtufusx8hSy0ZC2Rhzq.5zKPb5qlT.9F6i";

    private final AuditTrail audit;
    private final SessionConfig config;
    private final Clock clock;

    LoginService(AuditTrail audit, SessionConfig config, Clock clock) {
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Attempt attempt(String email, String password, String ip) {
        String who = email == null ? "" : email.trim().toLowerCase();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Optional<AppUser> found = who.isEmpty() ? Optional.empty() : AppUser.findByEmail(who);
        if (found.isEmpty()) {
            BcryptUtil.matches(password == null ? "" : password, DECOY_HASH);
            audit.record(who.isEmpty() ? "anonymous" : who, "SIGN_IN", who, "FAILED", "unknown user", ip);
            return new Attempt(Optional.empty(), "The email or password is not correct.");
        }
        AppUser user = found.get();
        if (user.lockedAt(now)) {
            audit.record(user.email, "SIGN_IN", user.email, "LOCKED", "account locked until " + user.lockedUntil, ip);
            return new Attempt(Optional.empty(), "This account is locked after too many failed sign-ins. Try again after "
                    + dev.accolade.common.Formats.display(user.lockedUntil) + ".");
        }
        boolean matches = password != null && BcryptUtil.matches(password, user.passwordHash);
        if (!matches) {
            user.failedAttempts++;
            String detail = "wrong password (" + user.failedAttempts + " in a row)";
            if (user.failedAttempts >= config.maxFailedAttempts()) {
                user.lockedUntil = now.plus(config.lockout());
                user.failedAttempts = 0;
                detail += "; account locked until " + user.lockedUntil;
                audit.record(user.email, "SIGN_IN", user.email, "FAILED", detail, ip);
                return new Attempt(Optional.empty(), "Too many failed sign-ins: this account is locked until "
                        + dev.accolade.common.Formats.display(user.lockedUntil) + ".");
            }
            audit.record(user.email, "SIGN_IN", user.email, "FAILED", detail, ip);
            return new Attempt(Optional.empty(), "The email or password is not correct.");
        }
        if (!user.enabled) {
            audit.record(user.email, "SIGN_IN", user.email, "FAILED", "account disabled", ip);
            return new Attempt(Optional.empty(), "This account is disabled. Ask an administrator to enable it.");
        }
        user.failedAttempts = 0;
        user.lockedUntil = null;
        audit.record(user.email, "SIGN_IN", user.email, "SUCCESS", user.role.name(), ip);
        return new Attempt(Optional.of(user), null);
    }

    @Transactional
    public void signedOut(String email, String ip) {
        audit.record(email, "SIGN_OUT", email, "SUCCESS", null, ip);
    }
}
