package dev.accolade.storefront.send;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import dev.accolade.common.Formats;
import dev.accolade.raas.client.RaasOrder;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.directory.DepartmentRef;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.orders.RewardOrder.Status;
import dev.accolade.storefront.reports.ReportRollup;

/**
 * Every state change of a reward order, each in its own transaction with its audit row. Outcomes are
 * conditional updates (only an order still PENDING or UNKNOWN changes), so a late answer, a second
 * replica or the reconciler can never overwrite a settled order.
 */
@ApplicationScoped
public class SendLedger {

    private final AuditTrail audit;
    private final Clock clock;
    private final ReportRollup rollup;
    private final RewardMetrics metrics;

    SendLedger(AuditTrail audit, Clock clock, ReportRollup rollup, RewardMetrics metrics) {
        this.audit = audit;
        this.clock = clock;
        this.rollup = rollup;
        this.metrics = metrics;
    }

    /** Commits the order as PENDING before RaaS is called; fails on a replayed token (unique). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RewardOrder reserve(SendRequest request, long requesterId, String requesterEmail, DepartmentRef department,
            String ip) {
        RewardOrder o = new RewardOrder();
        o.sendToken = request.token();
        o.requesterId = requesterId;
        o.requesterEmail = requesterEmail;
        o.departmentId = department.id();
        o.raasCustomer = department.raasCustomer();
        o.raasAccountIdentifier = department.raasAccountIdentifier();
        o.sku = request.reward().sku();
        o.brand = request.brand().description();
        o.rewardDescription = request.reward().description();
        o.amount = request.amount();
        o.variablePrice = request.reward().variablePrice();
        o.recipientName = request.recipientName();
        o.recipientEmail = request.recipientEmail();
        o.employeeId = request.employeeId();
        o.rewardSubject = request.subject();
        o.rewardMessage = request.message();
        o.rewardFrom = request.from();
        o.status = Status.PENDING;
        o.createdAt = now();
        o.persistAndFlush();
        audit.record(requesterEmail, "SEND_ATTEMPT", "order " + o.id, "PENDING",
                o.sku + " " + Formats.dollars(o.amount) + " to " + o.recipientEmail + " from " + department.name(), ip);
        return o;
    }

    /**
     * Settles an order as DELIVERED if it is still PENDING or UNKNOWN, with its rollup sums and audit
     * row, in one transaction; returns false when the order was already settled. The update is plain
     * JDBC on the transaction's connection, as this runs for every reward sent.
     *
     * @param department the department's name for the metrics, or null to look it up
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean delivered(RewardOrder order, String department, RaasOrder raas, String actor, String action,
            String ip) {
        OffsetDateTime now = now();
        OffsetDateTime deliveredAt = raas.deliveredAt() == null ? now : raas.deliveredAt();
        int n = RewardOrder.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update reward_order set status = ?,"
                    + " raas_order_id = ?, delivered_at = ?, resolved_at = ?, failure_reason = null"
                    + " where id = ? and status in (?, ?)")) {
                update.setString(1, Status.DELIVERED.name());
                update.setString(2, raas.orderId());
                update.setObject(3, deliveredAt);
                update.setObject(4, now);
                update.setLong(5, order.id);
                update.setString(6, Status.PENDING.name());
                update.setString(7, Status.UNKNOWN.name());
                return update.executeUpdate();
            }
        });
        if (n == 1) {
            // The reports' monthly sums change in the same transaction (DELIVERED is final).
            rollup.delivered(order);
            // Last: the audit trail's head row stays locked from here to the commit.
            audit.record(actor, action, "order " + order.id, "DELIVERED", "RaaS order " + raas.orderId(), ip);
            metrics.changed(order.departmentId, department, Status.DELIVERED);
        }
        return n == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean failed(RewardOrder order, String department, String reason, String actor, String action,
            String ip) {
        OffsetDateTime now = now();
        int n = RewardOrder.update("status = ?1, failureReason = ?2, resolvedAt = ?3 where id = ?4 and status in (?5, ?6)",
                Status.FAILED, truncate(reason), now, order.id, Status.PENDING, Status.UNKNOWN);
        if (n == 1) {
            audit.record(actor, action, "order " + order.id, "FAILED", reason, ip);
            metrics.changed(order.departmentId, department, Status.FAILED);
        }
        return n == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean unknown(RewardOrder order, String department, String why, String actor, String ip) {
        int n = RewardOrder.update("status = ?1, failureReason = ?2 where id = ?3 and status = ?4",
                Status.UNKNOWN, truncate(why), order.id, Status.PENDING);
        if (n == 1) {
            audit.record(actor, "SEND_OUTCOME", "order " + order.id, "UNKNOWN", why, ip);
            metrics.changed(order.departmentId, department, Status.UNKNOWN);
        }
        return n == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resent(long orderId, String actor, String outcome, String detail, String ip) {
        if ("SUCCESS".equals(outcome)) {
            RewardOrder.update("lastResentAt = ?1 where id = ?2", now(), orderId);
        }
        audit.record(actor, "RESEND", "order " + orderId, outcome, detail, ip);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String actor, String what, String ip) {
        audit.record(actor, "ACCESS_REFUSED", what, "REFUSED", null, ip);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
