package dev.accolade.storefront.security;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import dev.accolade.common.Jdbc;

/**
 * Sign-in sessions as rows ({@code user_session}): the cookie names its row, and the session check
 * of every request reads it ({@link SessionIdentityProvider}), so ending a row ends the session on
 * every replica at once. Each method joins the caller's transaction when there is one.
 */
@ApplicationScoped
public class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final SessionConfig config;
    private final Clock clock;

    Sessions(DataSource dataSource, SessionConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** A new session of the user; the user's sessions that ended or timed out are deleted. */
    public String start(long userId) {
        return start(userId, false);
    }

    /** A new session, started through the identity provider when {@code viaSso}. */
    public String start(long userId, boolean viaSso) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = now();
        execute("delete from user_session where user_id = ? and (ended_at is not null or created_at < ?)", userId,
                now.minus(config.absoluteTimeout()));
        execute("insert into user_session (id, user_id, created_at, via_sso) values (?, ?, ?, ?)", id, userId, now, viaSso);
        return id;
    }

    /** True when the session was started through the identity provider. */
    public boolean viaSso(String sessionId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select via_sso from user_session where id = ?")) {
            s.setString(1, sessionId);
            try (var r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sessions: " + e.getMessage(), e);
        }
    }

    /** Ends one session (signing out). */
    public void end(String sessionId) {
        execute("update user_session set ended_at = ? where id = ? and ended_at is null", now(), sessionId);
    }

    /** Ends every session of the user; returns how many were open. */
    public int endAll(long userId) {
        return execute("update user_session set ended_at = ? where user_id = ? and ended_at is null", now(), userId);
    }

    /** Ends every session of the user but the one given (after a password change in it). */
    public int endAllBut(long userId, String keep) {
        return execute("update user_session set ended_at = ? where user_id = ? and id <> ? and ended_at is null", now(),
                userId, keep);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private int execute(String sql, Object... values) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.execute(c, sql, values);
        } catch (SQLException e) {
            throw new IllegalStateException("sessions: " + e.getMessage(), e);
        }
    }
}
