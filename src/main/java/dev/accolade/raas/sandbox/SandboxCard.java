package dev.accolade.raas.sandbox;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A credit card registered to an account. Only its token and expiry month are kept: the number
 * and security code are used for the authorization and then forgotten.
 */
@Entity
@Table(name = "sandbox_card")
public class SandboxCard extends PanacheEntityBase {

    @Id
    public long id;
    public String ccToken;
    public String platform;
    public String customer;
    public String accountIdentifier;
    /** Expiry as YYYY-MM. */
    public String expires;
    /**
     * Identifies the card's number without keeping it ({@link CardAuthorizer#fingerprint}); null for
     * cards registered before it was kept.
     */
    @Column(name = "card_fingerprint")
    public String fingerprint;
    public OffsetDateTime activeAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime removedAt;

    public static Optional<SandboxCard> findActiveToken(String platform, String customer, String identifier,
            String token) {
        return find("platform = ?1 and customer = ?2 and accountIdentifier = ?3 and ccToken = ?4"
                + " and removedAt is null", platform, customer, identifier, token).firstResultOptional();
    }

    /** Whether the account still has (has not unregistered) a card with this number and expiry. */
    public static boolean isRegistered(String platform, String identifier, String fingerprint, String expires) {
        return count("platform = ?1 and accountIdentifier = ?2 and fingerprint = ?3 and expires = ?4"
                + " and removedAt is null", platform, identifier, fingerprint, expires) > 0;
    }

    public static boolean tokenExists(String token) {
        return count("ccToken", token) > 0;
    }
}
