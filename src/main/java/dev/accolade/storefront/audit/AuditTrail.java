package dev.accolade.storefront.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.StatelessSession;

import dev.accolade.common.Formats;

/**
 * The tamper-evident audit trail. Every append runs in the transaction of the change it records and
 * stores a SHA-256 of its own content and of the previous row's hash, so that editing, removing or
 * inserting a row breaks the chain at that row.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String GENESIS = "0".repeat(64);

    /** The result of checking the chain: empty problem means intact. */
    public record Verification(long rowsChecked, Optional<Long> firstBadRow, String problem) {
        public boolean intact() {
            return firstBadRow.isEmpty();
        }
    }

    private final StatelessSession rows;
    private final Clock clock;
    private final Actors actors;
    private final AuditVerifier verifier;
    /** Whether the database links rows at commit: where V32 installed its trigger (PostgreSQL, not H2). */
    private final boolean chainedAtCommit;

    AuditTrail(StatelessSession rows, Clock clock, Actors actors, AuditVerifier verifier,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.rows = rows;
        this.clock = clock;
        this.actors = actors;
        this.verifier = verifier;
        this.chainedAtCommit = "postgresql".equals(dbKind);
    }

    /**
     * Appends a row for the current actor ({@link Actors#current()}: the request's user and client
     * address, or the named actor of a job); must run inside the transaction of the change it records.
     * Plain JDBC on the connection of the transaction's stateless session, because every send, sign-in
     * and administrative change goes through here. On PostgreSQL the row is inserted with a temporary
     * negative number and chained by the database while the transaction commits (see
     * {@code V32__AuditChainAtCommit}), so the head row is locked for the commit only; on H2 the
     * application locks the head, inserts the row chained and moves the head. Either way the row
     * commits or rolls back with the change. Which database it is, is configuration: the datasource's
     * kind, which V32 reads too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String target, String outcome, String detail) {
        Actor actor = actors.current();
        AuditEvent e = new AuditEvent();
        e.occurredAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
        e.actor = Formats.clipped(actor.name() == null ? "anonymous" : actor.name(), 255);
        e.action = Formats.clipped(action, 60);
        e.target = Formats.clipped(target, 255);
        e.outcome = Formats.clipped(outcome, 40);
        e.detail = Formats.clipped(detail, 1000);
        e.ip = Formats.clipped(actor.address(), 64);
        rows.doWork(connection -> append(connection, e));
    }

    private void append(Connection connection, AuditEvent e) throws SQLException {
        if (chainedAtCommit) {
            appendChainedAtCommit(connection, e);
            return;
        }
        try (PreparedStatement head = connection.prepareStatement(
                "select last_id, last_hash from audit_head where id = 1 for update");
                ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("audit_head has no row: the audit trail's schema is incomplete");
            }
            e.id = rs.getLong(1) + 1;
            e.prevHash = rs.getString(2);
        }
        e.hash = hash(e);
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_event (id, occurred_at,"
                + " actor, action, target, outcome, detail, ip, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, e.id);
            bindContent(insert, 2, e);
            insert.setString(9, e.prevHash);
            insert.setString(10, e.hash);
            insert.executeUpdate();
        }
        try (PreparedStatement move = connection.prepareStatement(
                "update audit_head set last_id = ?, prev_hash = ?, last_hash = ? where id = 1")) {
            move.setLong(1, e.id);
            move.setString(2, e.prevHash);
            move.setString(3, e.hash);
            move.executeUpdate();
        }
    }

    /** PostgreSQL: the row waits with a temporary number; the commit chains it (V32's trigger). */
    private static void appendChainedAtCommit(Connection connection, AuditEvent e) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_event (id, occurred_at, actor,"
                + " action, target, outcome, detail, ip, prev_hash, hash)"
                + " values (-nextval('audit_event_pending_seq'), ?, ?, ?, ?, ?, ?, ?, '', '')")) {
            bindContent(insert, 1, e);
            insert.executeUpdate();
        }
    }

    /** Binds the row's content, occurred_at to ip in the table's order, from parameter {@code first}. */
    private static void bindContent(PreparedStatement insert, int first, AuditEvent e) throws SQLException {
        insert.setObject(first, e.occurredAt);
        insert.setString(first + 1, e.actor);
        insert.setString(first + 2, e.action);
        insert.setString(first + 3, e.target);
        insert.setString(first + 4, e.outcome);
        insert.setString(first + 5, e.detail);
        insert.setString(first + 6, e.ip);
    }

    /** Appends a row in a transaction of its own, for events that change nothing else (a refused request). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAlone(String action, String target, String outcome, String detail) {
        record(action, target, outcome, detail);
    }

    /**
     * Recomputes the chain from the first row and names the first row that does not fit, and how
     * (see {@link AuditVerifier}).
     */
    public Verification verify() {
        return verifier.verify();
    }

    static String hash(AuditEvent e) {
        String canonical = String.join("\u001f", Long.toString(e.id),
                e.occurredAt.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                nz(e.actor), nz(e.action), nz(e.target), nz(e.outcome), nz(e.detail), nz(e.ip), e.prevHash);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String nz(String s) {
        return s == null ? "\u0000" : s;
    }
}
