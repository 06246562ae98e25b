package dev.accolade.storefront.orders;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.StatelessSession;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.orders.RewardOrder.Status;

/**
 * The state changes of a held unattended order, each a conditional update with its audit row: held
 * (PENDING to HELD, RaaS certainly did not get it), taken for another try (HELD to PENDING, on one
 * replica only), and given up (HELD to FAILED, the order's amount no longer spoken for: its budget reservation is released).
 */
@ApplicationScoped
class HeldLedger {

    private final StatelessSession rows;
    private final AuditTrail audit;
    private final Clock clock;
    private final RewardMetrics metrics;
    private final OrderFunds funds;
    private final RecipientTotals totals;

    HeldLedger(StatelessSession rows, AuditTrail audit, Clock clock, RewardMetrics metrics, OrderFunds funds,
            RecipientTotals totals) {
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
        this.funds = funds;
        this.totals = totals;
    }

    /** PENDING to HELD until {@code retryAt}; false when the order was no longer PENDING. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean held(RewardOrder order, String department, String why, OffsetDateTime retryAt) {
        int n = rows.createMutationQuery("update RewardOrder set status = :held, failureReason = :why,"
                + " nextCheckAt = :at where id = :id and status = :pending")
                .setParameter("held", Status.HELD).setParameter("why", why).setParameter("at", retryAt)
                .setParameter("id", order.id).setParameter("pending", Status.PENDING).executeUpdate();
        if (n == 1) {
            audit.record("SEND_OUTCOME", "order " + order.id, "HELD", why + "; next try " + retryAt);
            metrics.changed(order.departmentId, department, Status.HELD);
        }
        return n == 1;
    }

    /**
     * Takes a held order whose try is due for sending: HELD to PENDING, sent now. Only one replica
     * wins; the others see false and leave it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean take(RewardOrder order) {
        OffsetDateTime now = Clocks.utcNow(clock);
        int n = rows.createMutationQuery("update RewardOrder set status = :pending, sentAt = :now, nextCheckAt = null"
                + " where id = :id and status = :held and (nextCheckAt is null or nextCheckAt <= :now)")
                .setParameter("pending", Status.PENDING).setParameter("now", now).setParameter("id", order.id)
                .setParameter("held", Status.HELD).executeUpdate();
        if (n == 1) {
            order.status = Status.PENDING;
            order.sentAt = now;
            order.nextCheckAt = null;
        }
        return n == 1;
    }

    /** HELD to FAILED once its time is up: it was never sent, nothing was charged. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean gaveUp(RewardOrder order, String reason) {
        int n = rows.createMutationQuery("update RewardOrder set status = :failed, failureReason = :reason,"
                + " resolvedAt = :now, nextCheckAt = null where id = :id and status = :held")
                .setParameter("failed", Status.FAILED).setParameter("reason", reason)
                .setParameter("now", Clocks.utcNow(clock)).setParameter("id", order.id)
                .setParameter("held", Status.HELD).executeUpdate();
        if (n == 1) {
            String released = funds.release(order);
            totals.remove(order.id);
            audit.record("SEND_OUTCOME", "order " + order.id, "FAILED", OrderFunds.with(reason, released));
            metrics.changed(order.departmentId, null, Status.FAILED);
        }
        return n == 1;
    }
}
