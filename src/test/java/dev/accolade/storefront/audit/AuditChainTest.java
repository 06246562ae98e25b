package dev.accolade.storefront.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;


/**
 * The chain detects a row edited, removed or inserted directly in SQL. Each test restores the table
 * so the rest of the suite keeps an intact chain.
 */
@QuarkusTest
class AuditChainTest {

    @Inject
    AuditTrail audit;

    @Inject
    Actors actors;

    @Inject
    EntityManager em;

    private final List<Runnable> restore = new ArrayList<>();

    @AfterEach
    void restoreTable() {
        restore.forEach(Runnable::run);
        restore.clear();
        assertTrue(audit.verify().intact(), "the chain is intact again after the test");
    }

    /** Appends a row in a transaction of its own and returns the number it has once committed. */
    private long append(String action) {
        String target = "chain-test " + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(
                () -> actors.runAs(new Actor("chain-test@accolade.test", "127.0.0.1"),
                        () -> audit.record(action, target, "SUCCESS", "detail")));
        return committed(target).id;
    }

    private static AuditEvent committed(String target) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent> find("target", target).singleResult());
    }

    private void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            ids.add(pool.submit(() -> append("CONCURRENT_" + n)));
        }
        for (Future<Long> f : ids) {
            f.get();
        }
        pool.shutdown();
        AuditTrail.Verification v = audit.verify();
        assertTrue(v.intact(), v.problem());
        assertEquals(ids.size(), ids.stream().map(f -> {
            try {
                return f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count());
    }

    /**
     * The hash an append stores is the one the verifier computes, whatever the row holds: missing
     * fields, accents, characters outside the BMP, the separator itself. On PostgreSQL the database
     * computes it, so this catches any difference between the two.
     */
    @Test
    void theStoredHashIsTheVerifiersForAnyContent() {
        String[][] rows = {
                { "anonymous", "SIGN_IN", null, "FAILURE", null, null },
                { "zoë@accolade.test", "SEND_ATTEMPT", "order 7", "PENDING", "Café \uD83C\uDF81 $25.00 to Zoë", "2001:db8::1" },
                { "a\u001fb@accolade.test", "RESEND", "order \u001f8", "SUCCESS", "line\nbreak \\ 'quote'", "10.0.0.1" } };
        for (String[] r : rows) {
            String action = r[1] + "_" + UUID.randomUUID().toString().substring(0, 8);
            QuarkusTransaction.requiringNew().run(
                    () -> actors.runAs(new Actor(r[0], r[5]), () -> audit.record(action, r[2], r[3], r[4])));
            AuditEvent stored = QuarkusTransaction.requiringNew()
                    .call(() -> AuditEvent.<AuditEvent> find("action", action).singleResult());
            assertTrue(stored.id > 0, "the row has its place in the chain once committed");
            assertEquals(AuditTrail.hash(stored), stored.hash, "row " + stored.id + " as stored");
            assertEquals(r[0], stored.actor);
            assertEquals(r[2], stored.target);
            assertEquals(r[4], stored.detail);
            assertEquals(r[5], stored.ip);
            AuditHead head = QuarkusTransaction.requiringNew().call(() -> AuditHead.<AuditHead> findById(1));
            assertEquals(stored.id, head.lastId);
            assertEquals(stored.hash, head.lastHash);
        }
        AuditTrail.Verification v = audit.verify();
        assertTrue(v.intact(), v.problem());
    }

    @Test
    void anEditedRowIsNamed() {
        long id = append("EDIT_ME");
        append("AFTER");
        sql("update audit_event set outcome = 'FAILED' where id = ?1", id);
        restore.add(() -> sql("update audit_event set outcome = 'SUCCESS' where id = ?1", id));
        AuditTrail.Verification v = audit.verify();
        assertFalse(v.intact());
        assertEquals(id, v.firstBadRow().orElseThrow());
        assertTrue(v.problem().contains("altered"), v.problem());
    }

    @Test
    void aRemovedRowIsNamed() {
        long id = append("REMOVE_ME");
        append("AFTER");
        AuditEvent copy = QuarkusTransaction.requiringNew().call(() -> AuditEvent.findById(id));
        sql("delete from audit_event where id = ?1", id);
        restore.add(() -> sql("insert into audit_event (id, occurred_at, actor, action, target, outcome, detail, ip,"
                + " prev_hash, hash) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", copy.id, copy.occurredAt,
                copy.actor, copy.action, copy.target, copy.outcome, copy.detail, copy.ip, copy.prevHash, copy.hash));
        AuditTrail.Verification v = audit.verify();
        assertFalse(v.intact());
        assertEquals(id, v.firstBadRow().orElseThrow());
        assertTrue(v.problem().contains("missing"), v.problem());
    }

    @Test
    void anInsertedRowIsNamed() {
        long before = append("BEFORE");
        long after = append("AFTER");
        // Make room for a forged row by moving the later row's id, as an attacker rewriting ids would.
        sql("update audit_event set id = ?1 where id = ?2", after + 1000, after);
        sql("insert into audit_event (id, occurred_at, actor, action, target, outcome, detail, ip, prev_hash, hash)"
                + " select ?1, occurred_at, actor, 'FORGED', target, outcome, detail, ip, hash, hash from audit_event"
                + " where id = ?2", after, before);
        restore.add(() -> {
            sql("delete from audit_event where id = ?1", after);
            sql("update audit_event set id = ?1 where id = ?2", after, after + 1000);
        });
        AuditTrail.Verification v = audit.verify();
        assertFalse(v.intact());
        assertEquals(after, v.firstBadRow().orElseThrow());
        assertTrue(v.problem().contains("row " + after + " was inserted"), v.problem());
    }

    /** A forger who recomputes SHA-256 correctly: the row fits its own hash, but the next row skips it. */
    @Test
    void anInsertedRowWithAValidHashIsNamed() {
        long before = append("BEFORE");
        long after = append("AFTER");
        sql("update audit_event set id = ?1 where id = ?2", after + 1000, after);
        AuditEvent forged = forgedAfter(before, after);
        insert(forged);
        restore.add(() -> {
            sql("delete from audit_event where id = ?1", after);
            sql("update audit_event set id = ?1 where id = ?2", after, after + 1000);
        });
        AuditTrail.Verification v = audit.verify();
        assertEquals(after, v.firstBadRow().orElseThrow(), v.problem());
        assertTrue(v.problem().contains("row " + after + " was inserted"), v.problem());
    }

    @Test
    void aRowAppendedInSqlAfterTheLastOneIsNamed() {
        long last = append("LAST");
        AuditEvent forged = forgedAfter(last, last + 1);
        insert(forged);
        restore.add(() -> sql("delete from audit_event where id = ?1", last + 1));
        AuditTrail.Verification v = audit.verify();
        assertEquals(last + 1, v.firstBadRow().orElseThrow(), v.problem());
        assertTrue(v.problem().contains("inserted"), v.problem());
    }

    private AuditEvent forgedAfter(long previousId, long id) {
        AuditEvent previous = QuarkusTransaction.requiringNew().call(() -> AuditEvent.findById(previousId));
        AuditEvent forged = new AuditEvent();
        forged.id = id;
        forged.occurredAt = previous.occurredAt;
        forged.actor = "forger@accolade.test";
        forged.action = "FORGED";
        forged.target = "target";
        forged.outcome = "SUCCESS";
        forged.detail = "never happened";
        forged.ip = "127.0.0.1";
        forged.prevHash = previous.hash;
        forged.hash = AuditTrail.hash(forged);
        return forged;
    }

    private void insert(AuditEvent e) {
        sql("insert into audit_event (id, occurred_at, actor, action, target, outcome, detail, ip, prev_hash, hash)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", e.id, e.occurredAt, e.actor, e.action, e.target,
                e.outcome, e.detail, e.ip, e.prevHash, e.hash);
    }
}
