package dev.accolade.storefront.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Work outside an HTTP request (a job, a task on another thread) is audited only as the actor it
 * names: without one, nothing is recorded as an accidental {@code anonymous}.
 */
@QuarkusTest
class ActorsTest {

    @Inject
    Actors actors;

    @Inject
    AuditTrail audit;

    @Test
    void workOutsideARequestThatNamesNoActorIsNotAudited() {
        String target = "actors-test " + UUID.randomUUID();
        assertThrows(IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> audit.record("ACTORS_TEST", target, "SUCCESS", null)));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("target", target)));
    }

    @Test
    void aNamedActorIsRecordedAndTheOneBeforeComesBack() {
        String target = "actors-test " + UUID.randomUUID();
        Actor job = Actor.system("system:actors-test");
        actors.runAs(job, () -> {
            actors.runAs(new Actor("someone@accolade.test", "192.0.2.7"),
                    () -> QuarkusTransaction.requiringNew().run(() -> audit.record("ACTORS_TEST", target, "INNER", null)));
            assertEquals(job, actors.current(), "the outer actor acts again after the inner work");
            QuarkusTransaction.requiringNew().run(() -> audit.record("ACTORS_TEST", target, "OUTER", null));
        });
        AuditEvent inner = QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.<AuditEvent> find("target = ?1 and outcome = 'INNER'", target).singleResult());
        AuditEvent outer = QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.<AuditEvent> find("target = ?1 and outcome = 'OUTER'", target).singleResult());
        assertEquals("someone@accolade.test", inner.actor);
        assertEquals("192.0.2.7", inner.ip);
        assertEquals("system:actors-test", outer.actor);
        assertEquals(null, outer.ip);
        assertThrows(IllegalStateException.class, actors::current, "no actor once the job is done");
    }
}
