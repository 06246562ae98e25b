package dev.accolade.storefront.scim;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A bearer token an identity provider provisions with; only its SHA-256 hash is kept. */
@Entity
public class ScimToken extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "scim_token_seq", sequenceName = "scim_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scim_token_seq")
    public Long id;
    public String name;
    public String tokenHash;
    public String tokenPrefix;
    public String createdBy;
    public OffsetDateTime createdAt;
    public OffsetDateTime lastUsedAt;
    public String revokedBy;
    public OffsetDateTime revokedAt;

    public boolean isRevoked() {
        return revokedAt != null;
    }

    static List<ScimToken> newestFirst() {
        return list("order by createdAt desc, id desc");
    }
}
