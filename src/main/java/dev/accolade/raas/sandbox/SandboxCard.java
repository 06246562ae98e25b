package dev.accolade.raas.sandbox;

import java.time.OffsetDateTime;
import java.util.Optional;

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
    public OffsetDateTime activeAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime removedAt;

    public static Optional<SandboxCard> findActiveToken(String platform, String customer, String identifier,
            String token) {
        return find("platform = ?1 and customer = ?2 and accountIdentifier = ?3 and ccToken = ?4"
                + " and removedAt is null", platform, customer, identifier, token).firstResultOptional();
    }

    public static boolean tokenExists(String token) {
        return count("ccToken", token) > 0;
    }
}
