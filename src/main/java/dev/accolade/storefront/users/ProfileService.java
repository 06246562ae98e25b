package dev.accolade.storefront.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.PasswordCheck;
import dev.accolade.storefront.security.Sessions;
import dev.accolade.storefront.users.UserAdminService.Refused;

/** What a signed-in user changes for themselves: their password, and their sessions. */
@ApplicationScoped
public class ProfileService {

    private final AuditTrail audit;
    private final PasswordPolicy policy;
    private final PasswordCheck passwords;
    private final Sessions sessions;

    ProfileService(AuditTrail audit, PasswordPolicy policy, PasswordCheck passwords, Sessions sessions) {
        this.audit = audit;
        this.policy = policy;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    /** Changes the password when the current one is right; every other session of the user ends. */
    @Transactional
    public int changePassword(long userId, String keepSession, String current, String password) {
        AppUser u = UserAdminService.user(userId);
        if (!passwords.matches(current, u.passwordHash)) {
            throw new Refused("current", "This is not your current password.");
        }
        policy.problem(password).ifPresent(p -> {
            throw new Refused("password", p);
        });
        u.passwordHash = BcryptUtil.bcryptHash(password);
        int ended = sessions.endAllBut(userId, keepSession);
        audit.record("USER_PASSWORD_CHANGE", u.email, "SUCCESS", "other sessions ended: " + ended);
        return ended;
    }

    /** Ends every session of the user, this one included. */
    @Transactional
    public int signOutEverywhere(long userId) {
        AppUser u = UserAdminService.user(userId);
        int ended = sessions.endAll(userId);
        audit.record("SIGN_OUT_EVERYWHERE", u.email, "SUCCESS", "sessions ended: " + ended);
        return ended;
    }
}
