package dev.accolade.storefront.mail;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.audit.AuditTrail;

/** Messages given up on: an administrator may queue one again, for another full round of attempts. */
@ApplicationScoped
public class DeadLetters {

    private final AuditTrail audit;
    private final Clock clock;

    DeadLetters(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues a dead message again; false when there is no such dead message (sent, queued or unknown). */
    @Transactional
    public boolean requeue(long id) {
        int changed = OutboxMail.update("status = ?1, attempts = 0, nextAttemptAt = ?2 where id = ?3 and status = ?4",
                OutboxMail.Status.QUEUED, Clocks.utcNow(clock), id, OutboxMail.Status.DEAD);
        if (changed == 1) {
            OutboxMail m = OutboxMail.findById(id);
            audit.record("MAIL_REQUEUE", m.recipient, "SUCCESS", "message " + id + ": " + m.subject);
        }
        return changed == 1;
    }
}
