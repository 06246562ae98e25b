package dev.accolade.storefront.orders;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

import dev.accolade.common.Formats;
import dev.accolade.raas.client.RaasOrder;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.orders.RewardOrder.Status;
import dev.accolade.storefront.security.DepartmentRef;

/**
 * Every state change of a reward order, each in its own transaction with its audit row. Outcomes are
 * conditional updates (only an order still PENDING or UNKNOWN changes), so a late answer, a second
 * replica or the reconciler can never overwrite a settled order.
 */
@ApplicationScoped
public class OrderLedger {

    private final AuditTrail audit;
    private final Clock clock;
    private final Event<OrderDelivered> deliveries;
    private final RewardMetrics metrics;
    private volatile BeforeExecutionGenerator idGenerator;

    OrderLedger(AuditTrail audit, Clock clock, Event<OrderDelivered> deliveries, RewardMetrics metrics) {
        this.audit = audit;
        this.clock = clock;
        this.deliveries = deliveries;
        this.metrics = metrics;
    }

    /**
     * Commits the order as PENDING before RaaS is called; fails on a replayed token (unique). The
     * insert is plain JDBC on the transaction's connection, with the id from the entity's own
     * sequence generator, as this runs for every reward sent and nothing else in the transaction
     * reads the order back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RewardOrder reserve(OrderRequest request, Requester requester) {
        DepartmentRef department = requester.department();
        RewardOrder o = new RewardOrder();
        o.sendToken = request.token();
        o.requesterId = requester.userId();
        o.requesterEmail = requester.email();
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
        SharedSessionContractImplementor session = RewardOrder.getEntityManager()
                .unwrap(SharedSessionContractImplementor.class);
        o.id = (Long) idGenerator(session).generate(session, o, null, EventType.INSERT);
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_PENDING)) {
                insert.setLong(1, o.id);
                insert.setString(2, o.sendToken);
                insert.setLong(3, o.requesterId);
                insert.setString(4, o.requesterEmail);
                insert.setLong(5, o.departmentId);
                insert.setString(6, o.raasCustomer);
                insert.setString(7, o.raasAccountIdentifier);
                insert.setString(8, o.sku);
                insert.setString(9, o.brand);
                insert.setString(10, o.rewardDescription);
                insert.setLong(11, o.amount);
                insert.setBoolean(12, o.variablePrice);
                insert.setString(13, o.recipientName);
                insert.setString(14, o.recipientEmail);
                if (o.employeeId == null) {
                    insert.setNull(15, Types.BIGINT);
                } else {
                    insert.setLong(15, o.employeeId);
                }
                insert.setString(16, o.rewardSubject);
                insert.setString(17, o.rewardMessage);
                insert.setString(18, o.rewardFrom);
                insert.setString(19, o.status.name());
                insert.setObject(20, o.createdAt);
                insert.executeUpdate();
            }
        });
        audit.record("SEND_ATTEMPT", "order " + o.id, "PENDING",
                o.sku + " " + Formats.dollars(o.amount) + " to " + o.recipientEmail + " from " + department.name());
        return o;
    }

    private static final String INSERT_PENDING = "insert into reward_order (id, send_token, requester_id,"
            + " requester_email, department_id, raas_customer, raas_account_identifier, sku, brand,"
            + " reward_description, amount, variable_price, recipient_name, recipient_email, employee_id,"
            + " reward_subject, reward_message, reward_from, status, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** RewardOrder's id generator (its pooled sequence), shared with every other insert of an order. */
    private BeforeExecutionGenerator idGenerator(SharedSessionContractImplementor session) {
        BeforeExecutionGenerator generator = this.idGenerator;
        if (generator == null) {
            generator = (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel()
                    .getEntityDescriptor(RewardOrder.class).getGenerator();
            this.idGenerator = generator;
        }
        return generator;
    }

    /**
     * Settles an order as DELIVERED if it is still PENDING or UNKNOWN, with its audit row and what
     * {@link OrderDelivered}'s observers keep, in one transaction; returns false when the order was already settled. The update is plain
     * JDBC on the transaction's connection, as this runs for every reward sent.
     *
     * @param department the department's name for the metrics, or null to look it up
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean delivered(RewardOrder order, String department, RaasOrder raas, String action) {
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
            // Observers (the reports' monthly sums) read now and write after the audit row, last
            // before the commit: see OrderDelivered for the lock order this keeps.
            OrderDelivered delivery = new OrderDelivered(order);
            deliveries.fire(delivery);
            audit.record(action, "order " + order.id, "DELIVERED", "RaaS order " + raas.orderId());
            delivery.writeLast();
            metrics.changed(order.departmentId, department, Status.DELIVERED);
        }
        return n == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean failed(RewardOrder order, String department, String reason, String action) {
        OffsetDateTime now = now();
        int n = RewardOrder.update("status = ?1, failureReason = ?2, resolvedAt = ?3 where id = ?4 and status in (?5, ?6)",
                Status.FAILED, truncate(reason), now, order.id, Status.PENDING, Status.UNKNOWN);
        if (n == 1) {
            audit.record(action, "order " + order.id, "FAILED", reason);
            metrics.changed(order.departmentId, department, Status.FAILED);
        }
        return n == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean unknown(RewardOrder order, String department, String why) {
        int n = RewardOrder.update("status = ?1, failureReason = ?2 where id = ?3 and status = ?4",
                Status.UNKNOWN, truncate(why), order.id, Status.PENDING);
        if (n == 1) {
            audit.record("SEND_OUTCOME", "order " + order.id, "UNKNOWN", why);
            metrics.changed(order.departmentId, department, Status.UNKNOWN);
        }
        return n == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resent(long orderId, String outcome, String detail) {
        if ("SUCCESS".equals(outcome)) {
            RewardOrder.update("lastResentAt = ?1 where id = ?2", now(), orderId);
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
