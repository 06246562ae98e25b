package dev.accolade.storefront.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

import dev.accolade.storefront.audit.Actors;
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
    private final Actors actors;
    private final SessionConfig config;
    private final Clock clock;

    LoginService(AuditTrail audit, Actors actors, SessionConfig config, Clock clock) {
        this.audit = audit;
        this.actors = actors;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Attempt attempt(String email, String password) {
        String who = email == null ? "" : email.trim().toLowerCase();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Optional<AppUser> found = who.isEmpty() ? Optional.empty() : AppUser.findByEmail(who);
        if (found.isEmpty()) {
            BcryptUtil.matches(password == null ? "" : password, DECOY_HASH);
            signIn(who.isEmpty() ? "anonymous" : who, who, "FAILED", "unknown user");
            return new Attempt(Optional.empty(), "The email or password is not correct.");
        }
        AppUser user = found.get();
        if (user.lockedAt(now)) {
            signIn(user.email, user.email, "LOCKED", "account locked until " + user.lockedUntil);
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
                signIn(user.email, user.email, "FAILED", detail);
                return new Attempt(Optional.empty(), "Too many failed sign-ins: this account is locked until "
                        + dev.accolade.common.Formats.display(user.lockedUntil) + ".");
            }
            signIn(user.email, user.email, "FAILED", detail);
            return new Attempt(Optional.empty(), "The email or password is not correct.");
        }
        if (!user.enabled) {
            signIn(user.email, user.email, "FAILED", "account disabled");
            return new Attempt(Optional.empty(), "This account is disabled. Ask an administrator to enable it.");
        }
        user.failedAttempts = 0;
        user.lockedUntil = null;
        signIn(user.email, user.email, "SUCCESS", user.role.name());
        return new Attempt(Optional.of(user), null);
    }

    /** Records that the signed-in user signed out. */
    @Transactional
    public void signedOut(String email) {
        audit.record("SIGN_OUT", email, "SUCCESS", null);
    }

    /**
     * A sign-in attempt's row: nobody is signed in yet, so the row names the person the attempt was
     * for (or {@code anonymous}), from this request's address.
     */
    private void signIn(String actor, String email, String outcome, String detail) {
        actors.runAs(actors.current().named(actor), () -> audit.record("SIGN_IN", email, outcome, detail));
    }
}
