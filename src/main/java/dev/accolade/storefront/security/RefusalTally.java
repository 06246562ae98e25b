package dev.accolade.storefront.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.accolade.common.Formats;
import dev.accolade.common.Jdbc;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;

/**
 * Refusals anyone can cause as often as they like (a sign-in for an unknown or locked account, an
 * address over its allowance, a page the role may not open) are counted per minute, address, actor,
 * action and outcome ({@code refusal_tally}), and each count becomes one audit row once its minute is
 * over ({@link #flush}, every minute on one replica): "SIGN_IN FAILED, 37 times in the minute from
 * 13:05 UTC". The audit trail keeps every refusal without one row per request.
 */
@ApplicationScoped
public class RefusalTally {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final String UPDATE = "update refusal_tally set hits = hits + 1,"
            + " last_detail = case when last_at is null or last_at <= ? then ? else last_detail end,"
            + " last_at = greatest(coalesce(last_at, 0), ?)"
            + " where minute_no = ? and address = ? and actor = ? and action = ? and outcome = ?";

    private final DataSource dataSource;
    private final Actors actors;
    private final AuditTrail audit;
    private final Clock clock;

    RefusalTally(DataSource dataSource, Actors actors, AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** Counts a refusal of the current actor (or {@code anonymous}) from the request's address, made now. */
    public void count(String action, String outcome, String detail) {
        count(clock.millis(), action, outcome, detail);
    }

    /**
     * Counts a refusal made at the given time (epoch milliseconds) in that time's minute. Refusals counted
     * out of order (on worker threads) still name the latest one as "last".
     */
    public void count(long at, String action, String outcome, String detail) {
        Actor actor = actors.current();
        Object[] key = { at / 60_000, Formats.clipped(actor.address() == null ? "" : actor.address(), 64),
                Formats.clipped(actor.name() == null ? "anonymous" : actor.name(), 255), action, outcome };
        String last = Formats.clipped(detail, 1000);
        try (Connection c = dataSource.getConnection()) {
            if (Jdbc.execute(c, UPDATE, prepend(at, prepend(last, prepend(at, key)))) > 0) {
                return;
            }
            try {
                Jdbc.execute(c, "insert into refusal_tally (last_at, last_detail, minute_no, address, actor, action, outcome, hits)"
                        + " values (?, ?, ?, ?, ?, ?, ?, 1)", prepend(at, prepend(last, key)));
            } catch (SQLException raced) {
                Jdbc.execute(c, UPDATE, prepend(at, prepend(last, prepend(at, key))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("refusal tally: " + e.getMessage(), e);
        }
    }

    /** Writes every count of a minute that is over to the audit trail, one row each. */
    @Scheduled(identity = "refusal-tally", every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        flushBefore(clock.millis() / 60_000);
    }

    /** Writes the counts of minutes before the given one (minutes since the epoch). */
    public int flushBefore(long minute) {
        record Count(long minute, String address, String actor, String action, String outcome, String last, int hits) {
        }
        List<Count> counts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select minute_no, address, actor, action, outcome, last_detail, hits from refusal_tally where minute_no < ?")) {
            q.setLong(1, minute);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    counts.add(new Count(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getInt(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("refusal tally: " + e.getMessage(), e);
        }
        int written = 0;
        for (Count n : counts) {
            // The row is deleted and its audit row written in one transaction: once, whoever else flushes.
            boolean mine = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    if (Jdbc.execute(c, "delete from refusal_tally where minute_no = ? and address = ? and actor = ? and action = ?"
                            + " and outcome = ?", n.minute(), n.address(), n.actor(), n.action(), n.outcome()) == 0) {
                        return false;
                    }
                }
                String detail = n.hits() + (n.hits() == 1 ? " time" : " times") + " in the minute from "
                        + MINUTE.format(Instant.ofEpochSecond(n.minute() * 60)) + "; last: " + n.last();
                actors.runAs(new Actor(n.actor(), n.address().isEmpty() ? null : n.address()),
                        () -> audit.record(n.action(), null, n.outcome(), detail));
                return true;
            });
            written += mine ? 1 : 0;
        }
        return written;
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
