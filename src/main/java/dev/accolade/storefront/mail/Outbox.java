package dev.accolade.storefront.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

import dev.accolade.common.Clocks;
import dev.accolade.common.PublicUrl;

/**
 * Writes messages to the outbox, in the caller's transaction: they exist only if that transaction
 * commits, and {@link OutboxSender} sends them after it has. A message is rendered now (text and HTML
 * from one template's two variants), so what is sent is what the change said at the time.
 */
@ApplicationScoped
class Outbox {

    /** Fired for each message written; the sender hears it once the transaction has committed. */
    record Queued(long id) {
    }

    private final Clock clock;
    private final Event<Queued> queued;

    Outbox(Clock clock, Event<Queued> queued) {
        this.clock = clock;
        this.queued = queued;
    }

    /**
     * Writes one message, unless one with the same {@code dedupeKey} (when given) was written before.
     * Returns whether it wrote it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean write(Notice notice, Long userId, String recipient, String subject, Supplier<TemplateInstance> template,
            String dedupeKey) {
        if (dedupeKey != null && OutboxMail.exists(dedupeKey)) {
            return false;
        }
        OffsetDateTime now = Clocks.utcNow(clock);
        OutboxMail m = new OutboxMail();
        m.notice = notice;
        m.userId = userId;
        m.recipient = recipient;
        String oneLine = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        m.subject = oneLine.length() > 300 ? oneLine.substring(0, 299) + "\u2026" : oneLine;
        m.textBody = template.get().setVariant(Variant.forContentType(Variant.TEXT_PLAIN)).render();
        m.htmlBody = template.get().setVariant(Variant.forContentType(Variant.TEXT_HTML)).render();
        m.messageId = "<" + UUID.randomUUID() + ".accolade@" + PublicUrl.host() + ">";
        m.dedupeKey = dedupeKey;
        m.status = OutboxMail.Status.QUEUED;
        m.nextAttemptAt = now;
        m.createdAt = now;
        m.persist();
        queued.fire(new Queued(m.id));
        return true;
    }
}
