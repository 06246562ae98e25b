package dev.accolade.storefront.security;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A person who signs in. Passwords are kept as bcrypt hashes only. */
@Entity
@Table(name = "app_user")
public class AppUser extends io.quarkus.hibernate.orm.panache.PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    public Long id;
    public String email;
    public String displayName;
    public String passwordHash;
    @Enumerated(EnumType.STRING)
    public Role role;
    /** The department a manager sends for (see {@code directory.Department}); null for users without one. */
    public Long departmentId;
    public boolean enabled = true;
    public int failedAttempts;
    public OffsetDateTime lockedUntil;
    /** Raised to end every session of the user at once (disable, password reset). */
    public int sessionVersion;
    public OffsetDateTime createdAt;

    public static Optional<AppUser> findByEmail(String email) {
        return find("lower(email) = ?1", email.trim().toLowerCase()).firstResultOptional();
    }

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
