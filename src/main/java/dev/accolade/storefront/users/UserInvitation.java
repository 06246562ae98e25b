package dev.accolade.storefront.users;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A one-time link with which a new user sets their password; only the secret's SHA-256 is kept. */
@Entity
public class UserInvitation extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "user_invitation_seq", sequenceName = "user_invitation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_invitation_seq")
    public Long id;
    public Long userId;
    public String tokenHash;
    public String createdBy;
    public OffsetDateTime createdAt;
    public OffsetDateTime expiresAt;
    public OffsetDateTime usedAt;
    /** A password-reset link, not an invitation: the user's password works until it is used. */
    public boolean passwordReset;

    public static Optional<UserInvitation> findByHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /** The newest invitation of a user that is still open. */
    public static Optional<UserInvitation> openOf(long userId, OffsetDateTime now) {
        return find("userId = ?1 and usedAt is null and expiresAt > ?2 order by createdAt desc", userId, now)
                .firstResultOptional();
    }

    public boolean openAt(OffsetDateTime now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
