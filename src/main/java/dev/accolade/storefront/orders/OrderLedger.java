package dev.accolade.storefront.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.hibernate.StatelessSession;

import io.agroal.api.AgroalDataSource;

import dev.accolade.common.Formats;
import dev.accolade.common.Jdbc;
import dev.accolade.raas.client.RaasOrder;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.orders.RewardOrder.Status;

/**
 * Every state change of a reward order, each in its own transaction with its audit row. Outcomes are
 * conditional updates (only an order still PENDING or UNKNOWN changes), so a late answer, a second
 * replica or the reconciler can never overwrite a settled order. This is the send path, run for every
 * reward: it works on the transaction's {@link StatelessSession} (see package-info), with no
 * persistence context to fill or flush.
 */
@ApplicationScoped
public class OrderLedger {

    private final StatelessSession rows;
    private final AuditTrail audit;
    private final Clock clock;
    private final Event<OrderDelivered> deliveries;
    private final RewardMetrics metrics;
    private final OrderFunds funds;
    private final RecipientTotals totals;
    private final AgroalDataSource data;

    OrderLedger(AgroalDataSource data, StatelessSession rows, AuditTrail audit, Clock clock, Event<OrderDelivered> deliveries,
            RewardMetrics metrics, OrderFunds funds, RecipientTotals totals) {
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.funds = funds;
        this.totals = totals;
        this.data = data;
    }

    /**
     * Commits the order as PENDING before RaaS is called; fails on a replayed token (unique). The
     * insert is the entity's own, with the id from its pooled sequence, run at once. Its amount is
     * reserved in the same transaction ({@link OrderFunds}); {@link NotCovered} when it cannot be. The
     * recipient's running total ({@link RecipientTotals}) counts it from this commit.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RewardOrder reserve(OrderRequest request, Requester requester) {
        return reserve(request, requester, true);
    }

    /** The same, for a send a person is watching ({@code attended}) or not (held while RaaS is down). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RewardOrder reserve(OrderRequest request, Requester requester, boolean attended) {
        RewardOrder o = RewardOrder.pending(request, requester, now());
        o.attended = attended;
        rows.insert(o);
        String reserved = funds.reserve(o);
        totals.add(o);
        audit.record("SEND_ATTEMPT", "order " + o.id, "PENDING", OrderFunds.with(o.sku + " " + Formats.dollars(o.amount)
                + " to " + o.recipientEmail + " from " + requester.department().name(), reserved));
        return o;
    }

    /**
     * Settles an order as DELIVERED if it is still PENDING or UNKNOWN, with its audit row and what
     * {@link OrderDelivered}'s observers keep, in one transaction; returns false when the order was
     * already settled. The update is one JDBC statement on the session's connection, as this runs for
     * every reward sent.
     *
     * @param department the department's name for the metrics, or null to look it up
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean delivered(RewardOrder order, String department, RaasOrder raas, String action) {
        OffsetDateTime now = now();
        int n = rows.doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(DELIVER)) {
                bindDelivered(update, order, raas, now);
                return update.executeUpdate();
            }
        });
        if (n == 1) {
            String settled = funds.settle(order);
            // Observers (the reports' monthly sums) read now and write after the audit row, last
            // before the commit: see OrderDelivered for the lock order this keeps.
            OrderDelivered delivery = new OrderDelivered(List.of(order));
            deliveries.fire(delivery);
            audit.record(action, "order " + order.id, "DELIVERED", OrderFunds.with("Tango Card order " + raas.orderId(),
                    settled));
            delivery.writeLast();
            metrics.changed(order.departmentId, department, Status.DELIVERED);
        }
        return n == 1;
    }

    /** An order RaaS has just accepted, with RaaS's order. */
    public record Delivery(RewardOrder order, RaasOrder raas) {
    }

    /**
     * Commits the orders of a handful of a batch's rows in one transaction, unattended, each as
     * {@link #reserve} does one but HELD, certainly not sent yet, until {@link #sending} makes it PENDING
     * just before its RaaS call; one the handful has not sent by {@code handOver} after now (its sender
     * died, or RaaS was slow to answer the ones before it) is sent by {@link HeldOrders} instead, once.
     * No audit row per order: a batch is audited by its own events (one
     * row per event), and each row's outcome is kept in the batch. Nothing is stored when any of them
     * cannot be (a token already placed by an earlier try of its row, or {@link NotCovered}): the
     * caller then places them one by one, each with its own outcome. The handful's owner says first
     * whether they are still wanted (none is committed when not) and records them last, both in this
     * transaction ({@link Handful}). The recipients' running totals
     * are counted last, in the order of their addresses, so that two such transactions never wait for
     * each other in a cycle.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<RewardOrder> reserveAll(List<OrderRequest> requests, Requester requester, Handful handful,
            Duration handOver) {
        if (!handful.wanted()) {
            return List.of();
        }
        OffsetDateTime now = now();
        List<RewardOrder> orders = new ArrayList<>(requests.size());
        for (OrderRequest request : requests) {
            RewardOrder o = RewardOrder.pending(request, requester, now);
            o.attended = false;
            o.status = Status.HELD;
            o.failureReason = WAITING;
            o.nextCheckAt = o.createdAt.plus(handOver);
            orders.add(o);
        }
        rows.insertMultiple(orders); // one JDBC batch
        funds.reserveAll(orders);
        totals.addAll(orders.stream()
                .sorted(Comparator.comparing((RewardOrder o) -> o.recipientKey).thenComparing(o -> o.id)).toList());
        handful.committed(orders);
        return orders;
    }

    /** Why a handful's order is HELD until its turn, as its sender's page shows it if the sender stopped. */
    static final String WAITING = "Waiting to be sent with the rows before it; it will be sent shortly.";

    /**
     * A handful's order, HELD since {@link #reserveAll}, becomes PENDING (being sent) just before its
     * RaaS call, committed on its own so that a crash during the call leaves it to the reconciler and
     * never to another send; false when it is no longer HELD (its turn came too late and
     * {@link HeldOrders} took it). One guarded statement on a connection of its own in auto-commit,
     * outside any transaction: it runs for every row of a batch, and a statement that commits itself
     * costs one round trip, where a transaction around it would cost three and the transaction
     * manager's bookkeeping.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean sending(RewardOrder order) {
        OffsetDateTime now = now();
        int n;
        try (Connection c = data.getConnection()) {
            if (!c.getAutoCommit()) {
                throw new IllegalStateException("a connection outside a transaction is not in auto-commit");
            }
            n = Jdbc.execute(c, "update reward_order set status = ?, sent_at = ?, next_check_at = null,"
                    + " failure_reason = null where id = ? and status = ?", Status.PENDING.name(), now, order.id,
                    Status.HELD.name());
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark order " + order.id + " as being sent", e);
        }
        if (n == 1) {
            order.status = Status.PENDING;
            order.sentAt = now;
            order.nextCheckAt = null;
            order.failureReason = null;
        }
        return n == 1;
    }

    /**
     * Settles the handful {@link #reserveAll} committed that RaaS accepted, in one transaction: each
     * becomes DELIVERED if it is still PENDING or UNKNOWN (one guarded update per order, in one JDBC
     * batch), its funds are settled and the reports' sums take them all at once. No audit row per order
     * (see {@link #reserveAll}). Returns the ids of the orders settled here; an order another path
     * settled first is not among them.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<Long> deliveredAll(List<Delivery> accepted, String department) {
        OffsetDateTime now = now();
        int[] counts = rows.doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(DELIVER)) {
                for (Delivery d : accepted) {
                    bindDelivered(update, d.order(), d.raas(), now);
                    update.addBatch();
                }
                return update.executeBatch();
            }
        });
        List<RewardOrder> settled = new ArrayList<>(accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            if (counts[i] == 1) {
                settled.add(accepted.get(i).order());
            }
        }
        if (!settled.isEmpty()) {
            funds.settleAll(settled);
            OrderDelivered delivery = new OrderDelivered(settled);
            deliveries.fire(delivery);
            delivery.writeLast();
            settled.forEach(o -> metrics.changed(o.departmentId, department, Status.DELIVERED));
        }
        return settled.stream().map(o -> o.id).collect(Collectors.toSet());
    }

    private static final String DELIVER = "update reward_order set status = ?, raas_order_id = ?, delivered_at = ?,"
            + " resolved_at = ?, failure_reason = null where id = ? and status in (?, ?)";

    private static void bindDelivered(PreparedStatement update, RewardOrder order, RaasOrder raas, OffsetDateTime now)
            throws SQLException {
        update.setString(1, Status.DELIVERED.name());
        update.setString(2, raas.orderId());
        update.setObject(3, raas.deliveredAt() == null ? now : raas.deliveredAt());
        update.setObject(4, now);
        update.setLong(5, order.id);
        update.setString(6, Status.PENDING.name());
        update.setString(7, Status.UNKNOWN.name());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean failed(RewardOrder order, String department, String reason, String action) {
        OffsetDateTime now = now();
        int n = rows.createMutationQuery("update RewardOrder set status = :failed, failureReason = :reason,"
                + " resolvedAt = :now where id = :id and status in (:pending, :unknown)")
                .setParameter("failed", Status.FAILED).setParameter("reason", truncate(reason)).setParameter("now", now)
                .setParameter("id", order.id).setParameter("pending", Status.PENDING)
                .setParameter("unknown", Status.UNKNOWN).executeUpdate();
        if (n == 1) {
            String released = funds.release(order);
            totals.remove(order.id);
            audit.record(action, "order " + order.id, "FAILED", OrderFunds.with(reason, released));
            metrics.changed(order.departmentId, department, Status.FAILED);
        }
        return n == 1;
    }

    /**
     * Leaves a PENDING order to the reconciler, keeping what RaaS answered: the client's fault kind,
     * and for an answer that arrived its HTTP status and RaaS error code.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean unknown(RewardOrder order, String department, String why, String fault, Integer httpStatus,
            String errorCode) {
        int n = rows.createMutationQuery("update RewardOrder set status = :unknown, failureReason = :why,"
                + " unknownFault = :fault, raasHttpStatus = :http, raasErrorCode = :code"
                + " where id = :id and status = :pending")
                .setParameter("unknown", Status.UNKNOWN).setParameter("why", truncate(why))
                .setParameter("fault", fault).setParameter("http", httpStatus)
                .setParameter("code", errorCode == null || errorCode.length() <= 64 ? errorCode : errorCode.substring(0, 64))
                .setParameter("id", order.id)
                .setParameter("pending", Status.PENDING).executeUpdate();
        if (n == 1) {
            audit.record("SEND_OUTCOME", "order " + order.id, "UNKNOWN", why);
            metrics.changed(order.departmentId, department, Status.UNKNOWN);
        }
        return n == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resent(long orderId, String outcome, String detail) {
        if ("SUCCESS".equals(outcome)) {
            rows.createMutationQuery("update RewardOrder set lastResentAt = :now where id = :id")
                    .setParameter("now", now()).setParameter("id", orderId).executeUpdate();
        }
        audit.record("RESEND", "order " + orderId, outcome, detail);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String what) {
        audit.record("ACCESS_REFUSED", what, "REFUSED", null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
