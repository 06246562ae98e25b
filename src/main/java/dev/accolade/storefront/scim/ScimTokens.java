package dev.accolade.storefront.scim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;

/**
 * SCIM bearer tokens: made by an admin (the token is shown once, only its SHA-256 hash is kept),
 * revoked by an admin, each step audited. A call is authenticated by looking its token's hash up: a
 * token of 256 random bits needs no slow hash, and the lookup by hash leaks nothing of the token.
 */
@ApplicationScoped
public class ScimTokens {

    static final String PREFIX = "acs_";

    /** A token as made: the row, and the token itself, which is not kept. */
    public record Made(ScimToken token, String secret) {
    }

    /** The caller a valid token names. */
    record Caller(long tokenId, String name) {
    }

    private final SecureRandom random = new SecureRandom();
    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;
    private final DataSource dataSource;

    ScimTokens(AuditTrail audit, Actors actors, Clock clock, DataSource dataSource) {
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    @Transactional
    public Made create(String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ScimToken t = new ScimToken();
        t.name = name;
        t.tokenHash = hash(secret);
        t.tokenPrefix = secret.substring(0, 10);
        t.createdBy = actors.current().name();
        t.createdAt = Clocks.utcNow(clock);
        t.persist();
        audit.record("SCIM_TOKEN_CREATE", name, "SUCCESS", "token " + t.id + " (" + t.tokenPrefix + "…)");
        return new Made(t, secret);
    }

    @Transactional
    public ScimToken revoke(long id) {
        ScimToken t = ScimToken.findById(id);
        if (t == null) {
            throw new jakarta.ws.rs.NotFoundException("no token " + id);
        }
        if (t.revokedAt == null) {
            t.revokedAt = Clocks.utcNow(clock);
            t.revokedBy = actors.current().name();
            audit.record("SCIM_TOKEN_REVOKE", t.name, "SUCCESS", "token " + t.id + " (" + t.tokenPrefix + "…)");
        }
        return t;
    }

    /**
     * The caller this {@code Authorization} header's bearer token names, if it is a token that was
     * made here and not revoked; one read by the hash's unique index, and the time of use recorded.
     */
    Optional<Caller> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        try (Connection c = dataSource.getConnection()) {
            Caller caller = null;
            try (PreparedStatement q = c.prepareStatement(
                    "select id, name from scim_token where token_hash = ? and revoked_at is null")) {
                q.setString(1, hash);
                try (ResultSet r = q.executeQuery()) {
                    if (r.next()) {
                        caller = new Caller(r.getLong(1), r.getString(2));
                    }
                }
            }
            if (caller != null) {
                try (PreparedStatement u = c.prepareStatement("update scim_token set last_used_at = ? where id = ?")) {
                    u.setObject(1, Clocks.utcNow(clock));
                    u.setLong(2, caller.tokenId());
                    u.executeUpdate();
                }
            }
            return Optional.ofNullable(caller);
        } catch (SQLException e) {
            throw new IllegalStateException("SCIM tokens could not be read", e);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
