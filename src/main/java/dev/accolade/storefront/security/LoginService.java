package dev.accolade.storefront.security;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.common.ClientAddress;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;

/**
 * Checks a sign-in attempt: the address's allowance, the account's places ({@link SignInGuard}), one
 * bcrypt verification ({@link PasswordCheck}), disabled accounts. An unknown address, a wrong
 * password and a locked account get the same answer after the same work, so the answer does not tell
 * which accounts exist or are locked. Every attempt is audited.
 */
@ApplicationScoped
public class LoginService {

    /** The outcome of a sign-in attempt; {@code user} and {@code sessionId} are present only on success. */
    public record Attempt(Optional<AppUser> user, String sessionId, String message) {
    }

    static final String THROTTLED = "Too many sign-in attempts from your network. Wait a few minutes, then try again.";

    private final AuditTrail audit;
    private final Actors actors;
    private final SessionConfig config;
    private final SignInGuard guard;
    private final PasswordCheck passwords;
    private final Sessions sessions;
    private final ClientAddress address;
    private final RefusalTally refusals;
    private final SsoConfig sso;

    LoginService(AuditTrail audit, Actors actors, SessionConfig config, SignInGuard guard, PasswordCheck passwords,
            Sessions sessions, ClientAddress address, RefusalTally refusals, SsoConfig sso) {
        this.sso = sso;
        this.audit = audit;
        this.actors = actors;
        this.config = config;
        this.guard = guard;
        this.passwords = passwords;
        this.sessions = sessions;
        this.address = address;
        this.refusals = refusals;
    }

    /** The one answer to an unknown email, a wrong password and a locked account. */
    String notCorrect() {
        return "The email or password is not correct. After " + config.maxFailedAttempts()
                + " failed sign-ins in a row an account is locked for " + config.lockout().toMinutes() + " minutes.";
    }

    public Attempt attempt(String email, String password) {
        String who = email == null ? "" : email.strip().toLowerCase();
        String from = address.get();
        if (!guard.admit(from)) {
            refusals.count("SIGN_IN", "THROTTLED", "too many attempts from this address");
            return new Attempt(Optional.empty(), null, THROTTLED);
        }
        if (!sso.passwordAllowed(who)) {
            // Said whether or not the account exists: it tells nothing about the address.
            refusals.count("SIGN_IN", "REFUSED", "password sign-in is turned off");
            return new Attempt(Optional.empty(), null, "Password sign-in is turned off here. Use \"Sign in with "
                    + sso.providerName() + "\" instead.");
        }
        Optional<AppUser> found = who.isEmpty() ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(who));
        if (found.isEmpty()) {
            passwords.decoy(password);
            refusals.count("SIGN_IN", "FAILED", "unknown user");
            return new Attempt(Optional.empty(), null, notCorrect());
        }
        AppUser user = found.get();
        OptionalInt place = guard.claim(user.id);
        if (place.isEmpty()) {
            passwords.decoy(password);
            refusals.count("SIGN_IN", "LOCKED", "account locked: " + user.email);
            return new Attempt(Optional.empty(), null, notCorrect());
        }
        if (!passwords.matches(password, user.passwordHash)) {
            OffsetDateTime lockUntil = guard.failed(place.getAsInt());
            String detail = "wrong password (" + place.getAsInt() + " in a row)";
            if (lockUntil != null) {
                guard.lock(user.id, lockUntil);
                detail += "; account locked until " + lockUntil;
            }
            record(user.email, "FAILED", detail);
            return new Attempt(Optional.empty(), null, notCorrect());
        }
        guard.succeeded(user.id);
        guard.succeededFrom(from);
        if (!user.enabled) {
            record(user.email, "FAILED", "account disabled");
            return new Attempt(Optional.empty(), null, "This account is disabled. Ask an administrator to enable it.");
        }
        String sessionId = QuarkusTransaction.requiringNew().call(() -> {
            String id = sessions.start(user.id);
            signIn(user.email, "SUCCESS", "as " + user.role.label());
            return id;
        });
        return new Attempt(Optional.of(user), sessionId, null);
    }

    /**
     * Starts a session for a user who has just proven who they are another way (the password they
     * chose on their invitation link), with its audit row as for a sign-in; empty when the account is
     * disabled.
     */
    public Optional<String> startSession(AppUser user, String how) {
        return startSession(user, how, false);
    }

    /** As {@link #startSession(AppUser, String)}, for a session started through the identity provider when {@code viaSso}. */
    public Optional<String> startSession(AppUser user, String how, boolean viaSso) {
        if (!user.enabled) {
            return Optional.empty();
        }
        return Optional.of(QuarkusTransaction.requiringNew().call(() -> {
            String id = sessions.start(user.id, viaSso);
            signIn(user.email, "SUCCESS", "as " + user.role.label() + ", " + how);
            return id;
        }));
    }

    /**
     * Records that the signed-in user signed out and ends their session; true when the session was
     * started through the identity provider (which is then asked to end its own).
     */
    @Transactional
    public boolean signedOut(String email, String sessionId) {
        boolean viaSso = sessionId != null && sessions.viaSso(sessionId);
        if (sessionId != null) {
            sessions.end(sessionId);
        }
        audit.record("SIGN_OUT", email, "SUCCESS", viaSso ? "also at the identity provider" : null);
        return viaSso;
    }

    private void record(String email, String outcome, String detail) {
        QuarkusTransaction.requiringNew().run(() -> signIn(email, outcome, detail));
    }

    /**
     * A sign-in attempt's row: nobody is signed in yet, so the row names the person the attempt was
     * for, from this request's address.
     */
    private void signIn(String email, String outcome, String detail) {
        actors.runAs(actors.current().named(email), () -> audit.record("SIGN_IN", email, outcome, detail));
    }
}
