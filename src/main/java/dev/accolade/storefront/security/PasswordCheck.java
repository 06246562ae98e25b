package dev.accolade.storefront.security;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * The one bcrypt verification each sign-in attempt makes, whatever its outcome: against the user's
 * hash, or against {@link #DECOY_HASH} when the account is unknown or locked, so that the answer
 * takes as long whether the account exists, is locked or the password is wrong.
 */
@ApplicationScoped
public class PasswordCheck {

    /**
     * Verified against when no real hash may be: a bcrypt hash of a throw-away password with the cost
     * {@link BcryptUtil#bcryptHash} gives real passwords (10). A constant, so that no hash is computed
     * while the application starts.
     */
    static final String DECOY_HASH = "$2a$10$vYK76hH/ldgBZiS4KqOxtufusx8hSy0ZC2Rhzq.5zKPb5qlT.9F6i";

    private final AtomicLong verifications = new AtomicLong();

    /** Whether the password matches the hash. */
    public boolean matches(String password, String hash) {
        verifications.incrementAndGet();
        return BcryptUtil.matches(password == null ? "" : password, hash == null ? DECOY_HASH : hash);
    }

    /** Spends the time of a verification without one that could succeed. */
    public void decoy(String password) {
        matches(password, DECOY_HASH);
    }

    /** bcrypt verifications made since the start (for tests and metrics). */
    public long verifications() {
        return verifications.get();
    }
}
