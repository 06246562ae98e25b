package dev.accolade.storefront.mail;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One message in the outbox: written with the change it tells about, sent by {@link OutboxSender}. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends PanacheEntityBase {

    /** Where a message stands. */
    public enum Status {
        /** Waiting for its next attempt ({@link #nextAttemptAt}). */
        QUEUED,
        /** Claimed by a sender until {@link #leaseUntil}; if that passes, another sender takes it. */
        SENDING,
        /** The SMTP server accepted it. */
        SENT,
        /** Given up after {@code accolade.mail.max-attempts}; an administrator may queue it again. */
        DEAD
    }

    @Id
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    public Long id;
    @Enumerated(EnumType.STRING)
    public Notice notice;
    public Long userId;
    public String recipient;
    public String subject;
    public String textBody;
    public String htmlBody;
    public String messageId;
    public String dedupeKey;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    public OffsetDateTime nextAttemptAt;
    public String claimToken;
    public OffsetDateTime leaseUntil;
    public String lastError;
    public OffsetDateTime createdAt;
    public OffsetDateTime sentAt;

    /** Ids of the messages a sender may claim now: queued and due, or claimed by a sender whose lease ran out. */
    static List<Long> dueIds(OffsetDateTime now, int max) {
        return getEntityManager().createQuery("select m.id from OutboxMail m where (m.status = :queued and m.nextAttemptAt <= :now)"
                + " or (m.status = :sending and m.leaseUntil < :now) order by m.id", Long.class)
                .setParameter("queued", Status.QUEUED).setParameter("sending", Status.SENDING).setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    /**
     * Claims a message for one sender until {@code leaseUntil}, if it is still claimable: a conditional
     * update, so of several replicas (or threads) that try, exactly one changes the row.
     */
    static boolean claim(long id, String token, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return update("status = ?1, claimToken = ?2, leaseUntil = ?3, attempts = attempts + 1 where id = ?4"
                + " and ((status = ?5 and nextAttemptAt <= ?6) or (status = ?1 and leaseUntil < ?6))", Status.SENDING,
                token, leaseUntil, id, Status.QUEUED, now) == 1;
    }

    /** Whether a message with this key was written already. */
    static boolean exists(String dedupeKey) {
        return count("dedupeKey", dedupeKey) > 0;
    }

    public static long count(Status status) {
        return count("status", status);
    }

    /** The messages given up on, newest first. */
    public static List<OutboxMail> dead(int max) {
        return find("status = ?1 order by createdAt desc, id desc", Status.DEAD).page(0, max).list();
    }

    /** The newest messages, for the administrators' page. */
    public static List<OutboxMail> latest(int max) {
        return find("order by createdAt desc, id desc").page(0, max).list();
    }
}
