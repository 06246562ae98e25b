package dev.accolade.storefront.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalInt;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import dev.accolade.common.Jdbc;

/**
 * What keeps password guessing slow, decided by the database so that it holds under any concurrency
 * and on any number of replicas: each statement is one atomic update, never a read-modify-write.
 * <ul>
 * <li>An account's attempts: before a password is checked, the attempt claims one of the account's
 * {@code maxFailedAttempts} places ({@link #claim}); a locked account, or one whose places are all
 * taken by attempts still running, has none to give, so no more than that many passwords are ever
 * checked against an account before it locks.</li>
 * <li>A client address's attempts, counted per window ({@link #admit}; a success gives its place
 * back): over the limit, the address is refused until the window ends. The real user, signing in from their own address, is
 * not held up by someone else's guessing.</li>
 * </ul>
 * Plain JDBC in short transactions of their own, committed at once: the other attempts must see them.
 */
@ApplicationScoped
public class SignInGuard {

    private final DataSource dataSource;
    private final SessionConfig config;
    private final Clock clock;

    SignInGuard(DataSource dataSource, SessionConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Claims one attempt at the account's password: the number of this attempt in the row of
     * failures (1 to {@code maxFailedAttempts}), or empty when the account is locked or every place
     * is taken.
     */
    public OptionalInt claim(long userId) {
        return inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("update app_user set failed_attempts = failed_attempts + 1"
                    + " where id = ? and failed_attempts < ? and (locked_until is null or locked_until <= ?)")) {
                update.setLong(1, userId);
                update.setInt(2, config.maxFailedAttempts());
                update.setObject(3, now());
                if (update.executeUpdate() == 0) {
                    return OptionalInt.empty();
                }
            }
            // The row stays locked by the update until the commit: this reads this attempt's own number.
            try (PreparedStatement read = c.prepareStatement("select failed_attempts from app_user where id = ?")) {
                read.setLong(1, userId);
                try (ResultSet r = read.executeQuery()) {
                    r.next();
                    return OptionalInt.of(r.getInt(1));
                }
            }
        });
    }

    /** The claimed attempt failed: the last place locks the account and starts a new row of places. */
    public OffsetDateTime failed(int attempt) {
        return attempt >= config.maxFailedAttempts() ? now().plus(config.lockout()) : null;
    }

    /** Locks the account until the given time; its places are free again once the lock has passed. */
    public void lock(long userId, OffsetDateTime until) {
        update("update app_user set locked_until = ?, failed_attempts = 0 where id = ?", until, userId);
    }

    /** The right password: the row of failures ends. */
    public void succeeded(long userId) {
        update("update app_user set failed_attempts = 0, locked_until = null where id = ?", userId);
    }

    /**
     * Counts an attempt from the address in this window and says whether it may go on: at most
     * {@code throttleAttempts} per window. Counted before the attempt, in one atomic update, so that
     * parallel attempts cannot slip past the limit; a successful sign-in gives its place back
     * ({@link #succeededFrom}), so only failures use the address's allowance.
     */
    public boolean admit(String address) {
        String a = key(address);
        long window = window();
        for (int tries = 0;; tries++) {
            try {
                int attempts = inTransaction(c -> {
                    if (Jdbc.execute(c, "update sign_in_throttle set attempts = attempts + 1 where address = ? and window_no = ?",
                            a, window) == 0) {
                        Jdbc.execute(c, "insert into sign_in_throttle (address, window_no, attempts) values (?, ?, 1)", a, window);
                        // A new window for this address: the windows before the last one are over for everyone.
                        Jdbc.execute(c, "delete from sign_in_throttle where window_no < ?", window - 1);
                    }
                    try (PreparedStatement q = c.prepareStatement(
                            "select attempts from sign_in_throttle where address = ? and window_no = ?")) {
                        q.setString(1, a);
                        q.setLong(2, window);
                        try (ResultSet r = q.executeQuery()) {
                            r.next();
                            return r.getInt(1);
                        }
                    }
                });
                return attempts <= config.throttleAttempts();
            } catch (IllegalStateException raced) {
                // Another replica inserted this window's row first: count on it.
                if (tries > 0) {
                    throw raced;
                }
            }
        }
    }

    /** A successful sign-in gives its place in the address's window back. */
    public void succeededFrom(String address) {
        update("update sign_in_throttle set attempts = attempts - 1 where address = ? and window_no = ? and attempts > 0",
                key(address), window());
    }

    private long window() {
        return clock.millis() / Math.max(1, config.throttleWindow().toMillis());
    }

    private static String key(String address) {
        String a = address == null ? "unknown" : address;
        return a.length() > 64 ? a.substring(0, 64) : a;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private int update(String sql, Object... values) {
        return inTransaction(c -> Jdbc.execute(c, sql, values));
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sign-in guard: " + e.getMessage(), e);
        }
    }
}
