package dev.accolade.storefront.orders;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reward a manager sent, from the moment it was submitted to its outcome at RaaS. */
@Entity
@Table(name = "reward_order")
public class RewardOrder extends PanacheEntityBase {

    /** Where an order stands. Only PENDING and UNKNOWN can still change. */
    public enum Status {
        /** Committed, RaaS being called. */
        PENDING,
        /** RaaS accepted it: the reward was bought and mailed. */
        DELIVERED,
        /** RaaS refused it, or it was proven never placed: no money moved. */
        FAILED,
        /** RaaS may or may not have placed it; the reconciler will find out. Never re-sent blindly. */
        UNKNOWN,
        /**
         * An unattended send RaaS certainly did not get (unreachable, breaker open): kept, and sent
         * again by {@link HeldOrders} until it goes out or its time is up.
         */
        HELD;

        /** How the status reads on a page. */
        public String label() {
            return switch (this) {
                case PENDING -> "Sending";
                case DELIVERED -> "Delivered";
                case FAILED -> "Not sent";
                case UNKNOWN -> "Being checked";
                case HELD -> "Waiting for RaaS, will retry";
            };
        }

        /** Whether the outcome is final (DELIVERED or FAILED), or still to be learned from RaaS. */
        public boolean settled() {
            return this == DELIVERED || this == FAILED;
        }
    }

    @Id
    @SequenceGenerator(name = "reward_order_seq", sequenceName = "reward_order_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reward_order_seq")
    public Long id;
    public String sendToken;
    public Long requesterId;
    public String requesterEmail;
    public Long departmentId;
    public String raasCustomer;
    public String raasAccountIdentifier;
    public String sku;
    public String brand;
    public String rewardDescription;
    public long amount;
    /** Whether the SKU has a variable price (RaaS then needs the amount in the order). */
    public boolean variablePrice;
    public String recipientName;
    public String recipientEmail;
    /**
     * {@link #recipientEmail} in lower case, computed by the database (V98), so never written from
     * here; a new order carries the same value in memory.
     */
    @Column(insertable = false, updatable = false)
    public String recipientKey;
    public Long employeeId;
    public String rewardSubject;
    public String rewardMessage;
    public String rewardFrom;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String raasOrderId;
    public String failureReason;
    public OffsetDateTime createdAt;
    public OffsetDateTime resolvedAt;
    public OffsetDateTime deliveredAt;
    public OffsetDateTime lastResentAt;
    /** When RaaS was last called for it; null: at {@link #createdAt}. */
    public OffsetDateTime sentAt;
    /** UNKNOWN or PENDING: the reconciler's next look (null: its next pass); HELD: the next try. */
    public OffsetDateTime nextCheckAt;
    /** False for a send nobody is watching: held, not failed, while RaaS is unavailable. */
    public boolean attended = true;
    /** When its sender's "not sent" message was written ({@link RewardTroubleNotices}); null: not yet. */
    public OffsetDateTime failureNoticedAt;
    /** When its sender's "still being checked" message was written; null: not yet. */
    public OffsetDateTime checkingNoticedAt;
    /** The card's face value in cents of {@link #faceCurrency}, when that is not US dollars; else null. */
    public Long faceValue;
    /** The face value's currency (CAD, AUD, ...) when it is not US dollars; else null. */
    public String faceCurrency;
    /** Why the outcome was left to the reconciler (the client's fault kind, e.g. SERVER_ERROR, TIMEOUT). */
    public String unknownFault;
    /** The HTTP status RaaS answered with, when an answer arrived but settled nothing. */
    public Integer raasHttpStatus;
    /** The RaaS error code of that answer (e.g. RAAS:OC:1003). */
    public String raasErrorCode;

    /**
     * Whether RaaS answered the order with an error (a 5xx, with or without an error code) rather than
     * not answering at all. Such an answer almost always means "not placed", but RaaS v1 does not
     * promise it, so the order stays UNKNOWN until the reconciler has looked.
     */
    public boolean isErrorAnswer() {
        return raasHttpStatus != null && "SERVER_ERROR".equals(unknownFault);
    }

    /** What RaaS answered, in words with its technical detail: "an error (HTTP 500, code RAAS:OC:1003)". */
    public String getRaasAnswer() {
        if (raasHttpStatus == null) {
            return null;
        }
        return "HTTP " + raasHttpStatus + (raasErrorCode == null ? "" : ", error code " + raasErrorCode);
    }

    /** The face value in its currency ({@code CAD 50.00}) when it is not US dollars; else null. */
    public String getFaceValueText() {
        return faceValue == null || faceCurrency == null ? null : dev.accolade.common.Formats.money(faceValue, faceCurrency);
    }

    /** How the order's status reads on a page: an order being checked says why. */
    public String getStatusLabel() {
        if (status == Status.UNKNOWN) {
            return isErrorAnswer() ? "Being checked: RaaS answered with an error" : "Being checked: no answer from RaaS";
        }
        return status.label();
    }

    /** When the order went to RaaS (the last time): RaaS's delivered_at is near it. */
    public OffsetDateTime placedAt() {
        return sentAt != null ? sentAt : createdAt;
    }

    /** RaaS resends an order's email at most once every 24 hours after its last send. */
    public OffsetDateTime getResendableAfter() {
        OffsetDateTime last = lastResentAt != null ? lastResentAt : deliveredAt;
        return last == null ? null : last.plusHours(24);
    }

    /** Whether RaaS would resend the email now: a delivered order whose last email is 24 hours old. */
    public boolean resendableAt(OffsetDateTime now) {
        OffsetDateTime after = getResendableAfter();
        return status == Status.DELIVERED && raasOrderId != null && after != null && !now.isBefore(after);
    }

    /** A new order of the request, PENDING from now, not stored yet. */
    static RewardOrder pending(OrderRequest request, Requester requester, OffsetDateTime now) {
        RewardOrder o = new RewardOrder();
        o.sendToken = request.token();
        o.requesterId = requester.userId();
        o.requesterEmail = requester.email();
        o.departmentId = requester.department().id();
        o.raasCustomer = requester.department().raasCustomer();
        o.raasAccountIdentifier = requester.department().raasAccountIdentifier();
        o.sku = request.reward().sku();
        o.brand = request.brand().description();
        o.rewardDescription = request.reward().description();
        o.amount = request.amount();
        o.variablePrice = request.reward().variablePrice();
        var reward = request.reward();
        if (!o.variablePrice && reward.denomination() != null && reward.currencyCode() != null
                && reward.currencyCode().matches("[A-Z]{3}") && !"USD".equals(reward.currencyCode())) {
            o.faceValue = reward.denomination();
            o.faceCurrency = reward.currencyCode();
        }
        o.recipientName = request.recipientName();
        o.recipientEmail = request.recipientEmail();
        o.recipientKey = o.recipientEmail.toLowerCase(Locale.ROOT); // as the database computes it
        o.employeeId = request.employeeId();
        o.rewardSubject = request.subject();
        o.rewardMessage = request.message();
        o.rewardFrom = request.from();
        o.status = Status.PENDING;
        // As the database keeps it (microseconds), so that the day the recipient's total counts it on
        // (RecipientTotals) is the day a later read of the row gives.
        o.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        return o;
    }

    public static Optional<RewardOrder> findByToken(String token) {
        return find("sendToken", token).firstResultOptional();
    }

    /** An order of the department, or empty: another department's order does not exist for this caller. */
    public static Optional<RewardOrder> findInDepartment(long id, long departmentId) {
        return find("id = ?1 and departmentId = ?2", id, departmentId).firstResultOptional();
    }

    /**
     * Orders whose outcome is not known yet, that no request is working on any more and whose next
     * check is due, oldest first.
     */
    public static List<RewardOrder> dueForCheck(OffsetDateTime now, OffsetDateTime pendingBefore, int max) {
        return find("(status = ?1 or (status = ?2 and coalesce(sentAt, createdAt) < ?3))"
                + " and (nextCheckAt is null or nextCheckAt <= ?4) order by createdAt, id", Status.UNKNOWN,
                Status.PENDING, pendingBefore, now).page(0, max).list();
    }

    /** Held unattended orders whose next try is due, oldest first. */
    public static List<RewardOrder> heldDue(OffsetDateTime now, int max) {
        return find("status = ?1 and (nextCheckAt is null or nextCheckAt <= ?2) order by createdAt, id", Status.HELD,
                now).page(0, max).list();
    }
}
