package dev.accolade.storefront.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.TimeoutException;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;

/**
 * Sends the outbox. Each pass takes the due messages one at a time: it claims one (a conditional
 * update committed on its own: on any number of replicas exactly one claim wins, see
 * {@link OutboxMail#claim}), hands it to the SMTP server with no transaction open, then marks it SENT,
 * or QUEUED for a later attempt (waits doubling from {@code retry-first} to {@code retry-max}), or
 * DEAD after {@code max-attempts}.
 * <p>
 * What it guarantees: every committed message is handed to the SMTP server at least once, whatever
 * crashes or outages happen, until it is sent or dead. A message is handed over twice only if the
 * sender stops (or loses the database) after the SMTP server accepted it and before SENT was
 * committed, a window of one database round trip; the message is then sent again when its claim's
 * lease ({@code accolade.mail.lease}) has passed, with the same Message-ID, by which mail programs
 * recognise a repeat. A claim whose message never reached the server (the sender died first) is sent
 * once, after the lease. An SMTP conversation is cut off after {@code smtp-timeout}, and never later
 * than half the lease, so a slow server never lets a second sender take a message the first is still
 * handing over. Exactly-once delivery over SMTP is not possible: a server may accept a message and
 * the answer be lost.
 * <p>
 * The cut-off also covers a fault of the mail client (Vert.x mail client 4.5): on a new connection it
 * sets its socket's reader only after the connection is handed out, and a server greeting that
 * arrives first is dropped. The client then waits for a greeting the server has already sent, and the
 * server for a command: about 1 in 100 new connections to an SMTP server on the same machine that
 * greets at once, measured here. Such an exchange ends at the cut-off and the message, which the
 * server never received, is tried again after {@code retry-first}.
 * <p>
 * Passes run every {@code accolade.mail.send-every} (one replica at a time, Quartz's clustered store)
 * and right after a transaction that wrote messages commits ({@code accolade.mail.send-after-commit}).
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    static final Actor ACTOR = Actor.system("system:mail");

    /** What one pass did. */
    public record Pass(int sent, int retried, int dead) {
    }

    /** A claimed message, read in the claim's transaction. */
    private record Claimed(long id, String token, int attempts, String recipient, String subject, String text,
            String html, String messageId) {
    }

    private final ReactiveMailer mailer;
    private final MailConfig config;
    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-after-commit");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    OutboxSender(ReactiveMailer mailer, MailConfig config, AuditTrail audit, Actors actors, Clock clock) {
        this.mailer = mailer;
        this.config = config;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @Scheduled(identity = "mail-outbox", every = "${accolade.mail.send-every:15s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDue();
    }

    /** Wakes a pass once a transaction that wrote messages has committed (several commits, one pass). */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Queued queued) {
        if (config.sendAfterCommit() && wakeUpPending.compareAndSet(false, true)) {
            afterCommit.execute(() -> {
                wakeUpPending.set(false);
                try {
                    sendDue();
                } catch (RuntimeException e) {
                    LOG.warnf("Sending mail after a commit failed (the next pass retries): %s", e.toString());
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        afterCommit.shutdownNow();
    }

    /** One pass over the messages that are due now. */
    public Pass sendDue() {
        return actors.runAs(ACTOR, () -> {
            List<Long> due = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxMail.dueIds(Clocks.utcNow(clock), config.batchSize()));
            int sent = 0;
            int retried = 0;
            int dead = 0;
            for (long id : due) {
                Optional<Claimed> claimed = claim(id);
                if (claimed.isEmpty()) {
                    continue; // another sender has it
                }
                switch (send(claimed.get())) {
                    case SENT -> sent++;
                    case QUEUED -> retried++;
                    default -> dead++;
                }
            }
            if (sent + retried + dead > 0) {
                LOG.infof("Mail: %d sent, %d to retry, %d given up", sent, retried, dead);
            }
            return new Pass(sent, retried, dead);
        });
    }

    private Optional<Claimed> claim(long id) {
        String token = UUID.randomUUID().toString();
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = Clocks.utcNow(clock);
            if (!OutboxMail.claim(id, token, now, now.plus(config.lease()))) {
                return Optional.<Claimed>empty();
            }
            OutboxMail m = OutboxMail.findById(id);
            return Optional.of(new Claimed(id, token, m.attempts, m.recipient, m.subject, m.textBody, m.htmlBody,
                    m.messageId));
        });
    }

    private OutboxMail.Status send(Claimed c) {
        Mail mail = Mail.withText(c.recipient(), c.subject(), c.text())
                .setHtml(c.html())
                .setFrom(config.from())
                .addHeader("Message-ID", c.messageId())
                .addHeader("Auto-Submitted", "auto-generated");
        try {
            mailer.send(mail).await().atMost(exchangeLimit());
        } catch (RuntimeException e) {
            return failed(c, e);
        }
        int marked = QuarkusTransaction.requiringNew().call(() -> OutboxMail.update(
                "status = ?1, sentAt = ?2, textBody = null, htmlBody = null, claimToken = null, leaseUntil = null,"
                        + " lastError = null where id = ?3 and claimToken = ?4",
                OutboxMail.Status.SENT, Clocks.utcNow(clock), c.id(), c.token()));
        if (marked == 0) {
            LOG.warnf("Mail %d was sent, but its claim had run out and another sender took it", c.id());
        }
        return OutboxMail.Status.SENT;
    }

    private OutboxMail.Status failed(Claimed c, RuntimeException e) {
        String error = e instanceof TimeoutException
                ? "no answer from the SMTP server within " + exchangeLimit().toSeconds() + " s"
                : describe(e);
        boolean give = c.attempts() >= config.maxAttempts();
        OutboxMail.Status next = give ? OutboxMail.Status.DEAD : OutboxMail.Status.QUEUED;
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime now = Clocks.utcNow(clock);
            int changed = OutboxMail.update("status = ?1, nextAttemptAt = ?2, lastError = ?3, claimToken = null,"
                    + " leaseUntil = null where id = ?4 and claimToken = ?5", next, now.plus(backoff(c.attempts())),
                    error, c.id(), c.token());
            if (changed == 1 && give) {
                audit.record("MAIL_DEAD", c.recipient(), "FAILURE",
                        "message " + c.id() + " given up after " + c.attempts() + " attempts: " + error);
            }
        });
        LOG.warnf("Mail %d to the SMTP server failed (attempt %d of %d): %s", c.id(), c.attempts(), config.maxAttempts(),
                error);
        return next;
    }

    /** The longest one SMTP exchange may take: the configured timeout, and never more than half the lease. */
    Duration exchangeLimit() {
        Duration half = config.lease().dividedBy(2);
        return config.smtpTimeout().compareTo(half) < 0 ? config.smtpTimeout() : half;
    }

    /** The wait after the given number of failed attempts: retry-first, doubled each time, at most retry-max. */
    Duration backoff(int attempts) {
        Duration wait = config.retryFirst();
        for (int i = 1; i < attempts && wait.compareTo(config.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
