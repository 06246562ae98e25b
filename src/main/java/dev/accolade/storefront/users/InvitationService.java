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
import dev.accolade.common.PublicUrl;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.mail.Notices;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Sessions;
import dev.accolade.storefront.users.UserAdminService.Refused;

/**
 * Invitations and password-reset links: a one-time link with which a user sets their own password,
 * e-mailed to them (written to the outbox in the transaction that makes the link, see
 * {@link Notices}) and shown once to the admin who made it, to pass on by hand if the mail does not
 * arrive. Only the link's SHA-256 is kept; a new link closes the user's earlier ones, and a link is
 * open for {@code accolade.admin.invitation-ttl}.
 */
@ApplicationScoped
public class InvitationService {

    /** A new invitation: the user and the secret of the link, shown once. */
    public record Invitation(AppUser user, String secret, OffsetDateTime expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuditTrail audit;
    private final Actors actors;
    private final PasswordPolicy passwords;
    private final Clock clock;
    private final Duration invitationTtl;
    private final Sessions sessions;
    private final Notices notices;

    InvitationService(AuditTrail audit, Actors actors, PasswordPolicy passwords, Clock clock,
            @ConfigProperty(name = "accolade.admin.invitation-ttl", defaultValue = "P7D") Duration invitationTtl,
            Sessions sessions, Notices notices) {
        this.sessions = sessions;
        this.notices = notices;
        this.audit = audit;
        this.actors = actors;
        this.passwords = passwords;
        this.clock = clock;
        this.invitationTtl = invitationTtl;
    }

    @Transactional
    public Invitation reinvite(long userId) {
        return invite(UserAdminService.user(userId));
    }

    /** A new invitation link for the user, e-mailed to them; earlier open links expire now. */
    @Transactional(Transactional.TxType.MANDATORY)
    Invitation invite(AppUser u) {
        Invitation inv = link(u, "USER_INVITE", false);
        notices.invitation(u, PublicUrl.link(path(inv)), inv.expiresAt(), inviter());
        return inv;
    }

    /**
     * A link with which the user chooses a new password, e-mailed to them; their current password
     * keeps working until it is used. Earlier open links expire now.
     */
    @Transactional
    public Invitation passwordResetLink(long userId) {
        AppUser u = UserAdminService.user(userId);
        Invitation inv = link(u, "USER_RESET_LINK", true);
        notices.passwordReset(u, PublicUrl.link(path(inv)), inv.expiresAt());
        return inv;
    }

    /** The path of an invitation's page. */
    static String path(Invitation inv) {
        return "/invitation/" + inv.secret();
    }

    /** The name the invitation gives for the administrator who sends it. */
    private String inviter() {
        String actor = actors.current().name();
        return actor == null ? "An administrator"
                : AppUser.findByEmail(actor).map(a -> a.displayName).orElse("An administrator");
    }

    private Invitation link(AppUser u, String action, boolean passwordReset) {
        OffsetDateTime now = Clocks.utcNow(clock);
        UserInvitation.update("expiresAt = ?1 where userId = ?2 and usedAt is null and expiresAt > ?1", now, u.id);
        String secret = secret();
        UserInvitation inv = new UserInvitation();
        inv.userId = u.id;
        inv.tokenHash = hash(secret);
        inv.createdBy = actors.current().name();
        inv.createdAt = now;
        inv.expiresAt = now.plus(invitationTtl);
        inv.passwordReset = passwordReset;
        inv.persist();
        audit.record(action, u.email, "SUCCESS", "one-time link valid until " + Formats.display(inv.expiresAt)
                + ", e-mailed");
        return new Invitation(u, secret, inv.expiresAt);
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
        sessions.endAll(u.id);
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

    /** A random secret of 32 bytes, as a link carries it. */
    static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
