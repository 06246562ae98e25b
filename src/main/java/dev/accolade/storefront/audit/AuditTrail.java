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
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import db.migration.V32__AuditChainAtCommit;

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

    private final EntityManager em;
    private final Clock clock;
    private final Actors actors;
    private volatile Boolean chainedAtCommit;

    AuditTrail(EntityManager em, Clock clock, Actors actors) {
        this.em = em;
        this.clock = clock;
        this.actors = actors;
    }

    /**
     * Appends a row for the current actor ({@link Actors#current()}: the request's user and client
     * address, or the named actor of a job); must run inside the transaction of the change it records.
     * Plain JDBC on the transaction's own connection, because every send, sign-in and administrative
     * change goes through here. On PostgreSQL the row is inserted with a temporary negative number and chained by
     * the database while the transaction commits (see {@code V32__AuditChainAtCommit}), so the head
     * row is locked for the commit only; on H2 the application locks the head, inserts the row
     * chained and moves the head. Either way the row commits or rolls back with the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String target, String outcome, String detail) {
        Actor actor = actors.current();
        AuditEvent e = new AuditEvent();
        e.occurredAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
        e.actor = truncate(actor.name() == null ? "anonymous" : actor.name(), 255);
        e.action = truncate(action, 60);
        e.target = truncate(target, 255);
        e.outcome = truncate(outcome, 40);
        e.detail = truncate(detail, 1000);
        e.ip = truncate(actor.address(), 64);
        em.unwrap(Session.class).doWork(connection -> append(connection, e));
    }

    private void append(Connection connection, AuditEvent e) throws SQLException {
        if (chainedAtCommit(connection)) {
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

    /** Whether the database chains rows at commit: where V32 installed its trigger (PostgreSQL, not H2). */
    private boolean chainedAtCommit(Connection connection) throws SQLException {
        Boolean atCommit = this.chainedAtCommit;
        if (atCommit == null) {
            atCommit = V32__AuditChainAtCommit.installsOn(connection);
            this.chainedAtCommit = atCommit;
        }
        return atCommit;
    }

    /** Appends a row in a transaction of its own, for events that change nothing else (a refused request). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAlone(String action, String target, String outcome, String detail) {
        record(action, target, outcome, detail);
    }

    /**
     * Recomputes the chain from the first row and names the first row that does not fit, and how:
     * altered (its content no longer matches its hash, and the next row still links to it), inserted
     * (the rows around it link to each other over it), or removed (a number is missing, or a row links
     * to a row that is no longer before it).
     */
    @Transactional
    public Verification verify() {
        String expectedPrev = GENESIS;
        String beforePrev = null;
        long expectedId = 1;
        long checked = 0;
        int batch = 1000;
        while (true) {
            List<AuditEvent> rows = AuditEvent.find("id >= ?1 order by id", expectedId).page(0, batch).list();
            for (AuditEvent e : rows) {
                checked++;
                if (!e.prevHash.equals(expectedPrev) && e.prevHash.equals(beforePrev)) {
                    long inserted = expectedId - 1;
                    return new Verification(checked, Optional.of(inserted), "row " + inserted
                            + " was inserted: the row after it links to row " + (inserted - 1) + ", not to it");
                }
                if (e.id != expectedId) {
                    return new Verification(checked, Optional.of(expectedId),
                            "row " + expectedId + " is missing (next row is " + e.id + "): removed");
                }
                if (!e.prevHash.equals(expectedPrev)) {
                    return new Verification(checked, Optional.of(e.id), "row " + e.id
                            + " does not follow row " + (e.id - 1) + ": a row before it was removed or replaced");
                }
                if (!hash(e).equals(e.hash)) {
                    String nextPrev = nextPrevHash(e.id);
                    if (expectedPrev.equals(nextPrev)) {
                        return new Verification(checked, Optional.of(e.id), "row " + e.id
                                + " was inserted: the row after it links to row " + (e.id - 1) + ", not to it");
                    }
                    return new Verification(checked, Optional.of(e.id), "row " + e.id + " was altered");
                }
                beforePrev = expectedPrev;
                expectedPrev = e.hash;
                expectedId++;
            }
            em.clear();
            if (rows.size() < batch) {
                break;
            }
        }
        AuditHead head = em.find(AuditHead.class, 1);
        long last = expectedId - 1;
        if (last > head.lastId) {
            return new Verification(checked, Optional.of(head.lastId + 1), "the chain should end at row "
                    + head.lastId + " but goes on to row " + last + ": rows from " + (head.lastId + 1) + " were inserted");
        }
        if (last < head.lastId || !head.lastHash.equals(expectedPrev)) {
            return new Verification(checked, Optional.of(expectedId), "the chain ends at row " + last
                    + " but should end at row " + head.lastId + ": rows removed from the end");
        }
        return new Verification(checked, Optional.empty(), null);
    }

    /** The previous-row hash stored in the row after this one, or null when it is the last. */
    private String nextPrevHash(long id) {
        return AuditEvent.<AuditEvent> find("id > ?1 order by id", id).firstResultOptional()
                .map(next -> next.prevHash).orElse(null);
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

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
