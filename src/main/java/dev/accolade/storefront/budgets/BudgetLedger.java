package dev.accolade.storefront.budgets;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.StatelessSession;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.common.Jdbc;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.orders.NotCovered;
import dev.accolade.storefront.orders.OrderFunds;
import dev.accolade.storefront.orders.RewardOrder;

/**
 * The budget ledger: reserves a send's amount, settles it at DELIVERED, releases it at FAILED (or
 * when an approval request is rejected or expires). It runs inside the caller's transaction (the
 * order ledger's, or an approval's), so a reservation commits with the PENDING order or the request
 * that made it, and on its {@link StatelessSession}.
 * <p>
 * Each change is decided by the row count of one guarded statement: a reservation takes
 * {@code amount - settled - reserved >= :a} in the same statement that adds to {@code reserved}, and a
 * settle or release moves the reservation row out of RESERVED before it touches the budget, so it
 * counts once however many replicas, reconciler passes or late answers try. Rows are always taken in
 * the same order (reservation, budget, allowance, then what the caller takes after: the order
 * ledger's recipient total, the audit trail's head), so two of these never wait for each other in a
 * cycle.
 * <p>
 * An order's reservation, settlement and release are said in the order's own audit row of the same
 * change (what {@link OrderFunds} returns), a send being one row per step however many ledgers it
 * moves; a request's reservation and release, which change no order, have rows of their own
 * ({@code BUDGET_RESERVE}, {@code BUDGET_RELEASE}).
 */
@ApplicationScoped
public class BudgetLedger implements OrderFunds {

    private final StatelessSession rows;
    private final AuditTrail audit;
    private final Clock clock;

    BudgetLedger(StatelessSession rows, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String reserve(RewardOrder order) {
        Reservation held = reservation("token = ?", order.sendToken);
        if (held != null) {
            // An approved request: its amount was reserved when it was asked for; the order takes it over.
            int n = update("update budget_reservation set order_id = ? where id = ? and state = ? and order_id is null",
                    order.id, held.id, Reservation.State.RESERVED.name());
            if (n != 1) {
                throw new NotCovered("This request's budget reservation was given back (it was rejected or expired).");
            }
            return Formats.dollars(held.amount) + " taken over from its reservation in budget " + held.budgetId;
        }
        String batch = batchOf(order.sendToken);
        if (batch != null) {
            String carved = carve(batch, order);
            if (carved != null) {
                return carved;
            }
        }
        Reserved r = reserve(order.sendToken, order.departmentId, order.requesterId, order.amount, true, order.id);
        return r == null ? null : r.describe();
    }

    /**
     * Reserves the amount of a request that waits for approval, in the caller's transaction; the order
     * that approving it places takes the reservation over. {@code withinAllowance} false: charged to the
     * department's budget only (a request over the manager's allowance).
     *
     * @return whether a budget was charged (false: the department has no budget for today)
     * @throws NotCovered when the budget (or allowance) cannot cover it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reserveRequest(String token, long departmentId, long userId, long amount, boolean withinAllowance,
            String what) {
        Reserved r = reserve(token, departmentId, userId, amount, withinAllowance, null);
        if (r == null) {
            return false;
        }
        audit.record("BUDGET_RESERVE", "budget " + r.budgetId(), "RESERVED", Formats.dollars(amount) + " for " + what
                + (r.allowanceId() == null ? "" : " (within the manager's allowance)"));
        return true;
    }

    /**
     * Reserves a batch's total under its token, in the caller's transaction, with no audit row of its
     * own: the batch's row says it. Its rows' orders take their amounts out of it ({@link #reserve}).
     *
     * @return what was reserved, for the batch's audit row; null when the department has no budget for today
     * @throws NotCovered when the budget (or allowance) cannot cover it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String reserveBatch(String token, long departmentId, long userId, long amount, boolean withinAllowance) {
        Reserved r = reserve(token, departmentId, userId, amount, withinAllowance, null);
        return r == null ? null : r.describe();
    }

    /**
     * Gives back what is left of a batch's reservation, with no audit row of its own.
     *
     * @return what was given back, for the batch's audit row; null when nothing was
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String releaseBatch(String token) {
        Reservation r = reservation("token = ? and order_id is null", token);
        if (r == null || !close(r, Reservation.State.RELEASED, true) || r.amount == 0) {
            return null;
        }
        return Formats.dollars(r.amount) + " given back to budget " + r.budgetId;
    }

    /**
     * Gives back a request's reservation that no order took over (rejected, expired, changes asked), or
     * what is left of a batch's (cancelled, rejected, finished).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean releaseRequest(String token, String why) {
        Reservation r = reservation("token = ? and order_id is null", token);
        if (r == null || !close(r, Reservation.State.RELEASED, true)) {
            return false;
        }
        if (r.amount == 0) {
            return true; // a batch whose rows took all of it: nothing to give back, nothing to say
        }
        audit.record("BUDGET_RELEASE", "budget " + r.budgetId, "RELEASED", Formats.dollars(r.amount) + ": " + why);
        return true;
    }

    @Override
    public String settle(RewardOrder order) {
        Reservation r = byOrder(order.id);
        return r != null && close(r, Reservation.State.SETTLED, false)
                ? Formats.dollars(r.amount) + " spent from budget " + r.budgetId
                : null;
    }

    @Override
    public String release(RewardOrder order) {
        Reservation r = byOrder(order.id);
        return r != null && close(r, Reservation.State.RELEASED, false)
                ? Formats.dollars(r.amount) + " given back to budget " + r.budgetId
                : null;
    }

    /**
     * A handful of one batch's rows, committed together. Their tokens are looked up at once (a token
     * already reserved, as an approved request's is, sends them through {@link #reserve} one by one);
     * from the batch's reservation they carve their sum with one guarded update (when it cannot cover
     * the sum, {@link NotCovered} rolls the handful back and the caller places its rows one by one,
     * each carving what is left); a batch with no reservation whose department has no budget today
     * reserves nothing, known from one read for the handful.
     */
    @Override
    public void reserveAll(List<RewardOrder> orders) {
        RewardOrder first = orders.get(0);
        String batch = batchOf(first.sendToken);
        if (batch == null || orders.stream().anyMatch(o -> !batch.equals(batchOf(o.sendToken))
                || !Objects.equals(o.departmentId, first.departmentId) || !Objects.equals(o.requesterId, first.requesterId))
                || !reservations("token", orders.stream().map(o -> (Object) o.sendToken).toList()).isEmpty()) {
            OrderFunds.super.reserveAll(orders);
            return;
        }
        Reservation whole = reservation("token = ? and order_id is null", batch);
        if (whole == null) {
            Reserved r = reserve(first.sendToken, first.departmentId, first.requesterId, first.amount, true, first.id);
            if (r != null) {
                // The department has a budget the batch did not reserve in: each row reserves as any send.
                orders.subList(1, orders.size()).forEach(o -> reserve(o.sendToken, o.departmentId, o.requesterId,
                        o.amount, true, o.id));
            }
            return;
        }
        if (!Reservation.State.RESERVED.name().equals(stateOf(whole.id))) {
            throw new NotCovered("The batch was stopped: its reservation was given back.");
        }
        long sum = orders.stream().mapToLong(o -> o.amount).sum();
        int n = update("update budget_reservation set amount = amount - ? where id = ? and state = ? and amount >= ?",
                sum, whole.id, Reservation.State.RESERVED.name(), sum);
        if (n != 1) {
            throw new NotCovered("The batch's reservation no longer covers these rows (the batch was cancelled or "
                    + "its reservation used up).");
        }
        OffsetDateTime now = Clocks.utcNow(clock);
        for (RewardOrder order : orders) {
            rows.insert(carved(whole, order, now));
        }
    }

    /** Orders of a handful delivered together: their reservations read at once, each settled once. */
    @Override
    public void settleAll(List<RewardOrder> orders) {
        for (Reservation r : reservations("order_id", orders.stream().map(o -> (Object) o.id).toList())) {
            close(r, Reservation.State.SETTLED, false);
        }
    }

    /** The reservations whose {@code column} is one of {@code values}, with what a change needs of them. */
    private List<Reservation> reservations(String column, List<Object> values) {
        String marks = String.join(", ", Collections.nCopies(values.size(), "?"));
        return rows.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id, budget_id, allowance_id, amount"
                    + " from budget_reservation where " + column + " in (" + marks + ") order by id")) {
                for (int i = 0; i < values.size(); i++) {
                    select.setObject(i + 1, values.get(i));
                }
                List<Reservation> found = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Reservation r = new Reservation();
                        r.id = rs.getLong(1);
                        r.budgetId = rs.getLong(2);
                        r.allowanceId = rs.getObject(3) == null ? null : rs.getLong(3);
                        r.amount = rs.getLong(4);
                        found.add(r);
                    }
                }
                return found;
            }
        });
    }

    /**
     * The batch token in a batch row's order token ({@code <batch token>.<row number>}); null for any
     * other send (their tokens have no point).
     */
    static String batchOf(String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        return dot > 0 ? token.substring(0, dot) : null;
    }

    /**
     * A batch row's order takes its amount out of the batch's reservation: the batch's row shrinks by
     * the amount (guarded, so it never goes below zero) and the order gets a reservation of its own in
     * the same budget and allowance, which the budget's figures already count. Null when the batch has
     * no open reservation (it had no budget, or was cancelled): the order then reserves as any send.
     */
    private String carve(String batchToken, RewardOrder order) {
        Reservation whole = reservation("token = ? and order_id is null", batchToken);
        if (whole == null) {
            return null;
        }
        if (!Reservation.State.RESERVED.name().equals(stateOf(whole.id))) {
            // Cancelled, rejected or finished: what it reserved was given back, and no row may take more.
            throw new NotCovered("The batch was stopped: its reservation was given back.");
        }
        int n = update("update budget_reservation set amount = amount - ? where id = ? and state = ? and amount >= ?",
                order.amount, whole.id, Reservation.State.RESERVED.name(), order.amount);
        if (n != 1) {
            throw new NotCovered("The batch's reservation no longer covers this row (the batch was cancelled or "
                    + "its reservation used up).");
        }
        rows.insert(carved(whole, order, Clocks.utcNow(clock)));
        return Formats.dollars(order.amount) + " taken from its batch's reservation in budget " + whole.budgetId;
    }

    /** An order's own reservation, carved from its batch's: in the same budget and allowance. */
    private static Reservation carved(Reservation whole, RewardOrder order, OffsetDateTime now) {
        Reservation r = new Reservation();
        r.token = order.sendToken;
        r.budgetId = whole.budgetId;
        r.allowanceId = whole.allowanceId;
        r.departmentId = order.departmentId;
        r.userId = order.requesterId;
        r.amount = order.amount;
        r.state = Reservation.State.RESERVED;
        r.orderId = order.id;
        r.createdAt = now;
        return r;
    }

    /** A reservation just made: its budget, and the manager's allowance when it was charged too. */
    private record Reserved(long budgetId, Long allowanceId, long amount) {
        String describe() {
            return Formats.dollars(amount) + " reserved in budget " + budgetId
                    + (allowanceId == null ? "" : " (within the manager's allowance)");
        }
    }

    /**
     * Reserves in the department's budget for today (and the manager's allowance in it, when
     * {@code withinAllowance} and there is one): one read of both rows' ids, then a guarded update of each.
     *
     * @return null when the department has no budget for today
     */
    private Reserved reserve(String token, long departmentId, long userId, long amount, boolean withinAllowance,
            Long orderId) {
        OffsetDateTime now = Clocks.utcNow(clock);
        Long[] ids = rows.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select b.id, a.id from budget b"
                    + " left join budget_allowance a on a.budget_id = b.id and a.user_id = ?"
                    + " where b.department_id = ? and b.period_start <= ? and b.period_end > ?")) {
                select.setLong(1, userId);
                select.setLong(2, departmentId);
                select.setObject(3, now.toLocalDate());
                select.setObject(4, now.toLocalDate());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? new Long[] { rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2) } : null;
                }
            }
        });
        if (ids == null) {
            return null;
        }
        long budgetId = ids[0];
        int n = update("update budget set reserved = reserved + ? where id = ? and amount - settled - reserved >= ?",
                amount, budgetId, amount);
        if (n != 1) {
            Budget budget = rows.get(Budget.class, budgetId);
            throw new NotCovered("Your department's budget for " + budget.label() + " has "
                    + Formats.dollars(budget.remaining()) + " left, less than " + Formats.dollars(amount) + ".");
        }
        Long allowanceId = withinAllowance ? ids[1] : null;
        if (allowanceId != null) {
            n = update("update budget_allowance set reserved = reserved + ? where id = ?"
                    + " and amount - settled - reserved >= ?", amount, allowanceId, amount);
            if (n != 1) {
                // The budget's row was changed in this transaction: the caller's rollback undoes it.
                Budget budget = rows.get(Budget.class, budgetId);
                throw new NotCovered("Your allowance for " + budget.label() + " has "
                        + Formats.dollars(rows.get(Allowance.class, allowanceId).remaining()) + " left, less than "
                        + Formats.dollars(amount) + ".");
            }
        }
        Reservation r = new Reservation();
        r.token = token;
        r.budgetId = budgetId;
        r.allowanceId = allowanceId;
        r.departmentId = departmentId;
        r.userId = userId;
        r.amount = amount;
        r.state = Reservation.State.RESERVED;
        r.orderId = orderId;
        r.createdAt = now;
        rows.insert(r);
        return new Reserved(budgetId, allowanceId, amount);
    }

    private Reservation byOrder(long orderId) {
        return reservation("order_id = ?", orderId);
    }

    /**
     * The reservation the condition (on one parameter) names, with what a change needs of it; null when
     * none. Plain JDBC on the session's connection, as the statements below: this is the send path.
     */
    private Reservation reservation(String where, Object param) {
        return rows.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id, budget_id, allowance_id, amount"
                    + " from budget_reservation where " + where)) {
                select.setObject(1, param);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    Reservation r = new Reservation();
                    r.id = rs.getLong(1);
                    r.budgetId = rs.getLong(2);
                    r.allowanceId = rs.getObject(3) == null ? null : rs.getLong(3);
                    r.amount = rs.getLong(4);
                    return r;
                }
            }
        });
    }

    private String stateOf(long id) {
        return rows.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select state from budget_reservation"
                    + " where id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** Runs one guarded update on the session's connection; returns its row count. */
    private int update(String sql, Object... params) {
        return rows.doReturningWork(connection -> Jdbc.execute(connection, sql, params));
    }

    /**
     * RESERVED to SETTLED or RELEASED, once; then the budget's (and allowance's) figures follow.
     * {@code request}: a request's or batch's reservation, whose row is this transaction's once the
     * update took it, so its amount is read again (a batch's rows may have carved from it since it was
     * first read); an order's reservation never changes amount.
     */
    private boolean close(Reservation r, Reservation.State to, boolean request) {
        int n = update("update budget_reservation set state = ?, resolved_at = ? where id = ? and state = ?", to.name(),
                Clocks.utcNow(clock), r.id, Reservation.State.RESERVED.name());
        if (n != 1) {
            return false;
        }
        if (request) {
            r.amount = rows.doReturningWork(connection -> {
                try (PreparedStatement select = connection.prepareStatement("select amount from budget_reservation"
                        + " where id = ?")) {
                    select.setLong(1, r.id);
                    try (ResultSet rs = select.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        }
        if (to == Reservation.State.SETTLED) {
            update("update budget set settled = settled + ?, reserved = reserved - ? where id = ?", r.amount, r.amount,
                    r.budgetId);
            if (r.allowanceId != null) {
                update("update budget_allowance set settled = settled + ?, reserved = reserved - ? where id = ?",
                        r.amount, r.amount, r.allowanceId);
            }
        } else {
            update("update budget set reserved = reserved - ? where id = ?", r.amount, r.budgetId);
            if (r.allowanceId != null) {
                update("update budget_allowance set reserved = reserved - ? where id = ?", r.amount, r.allowanceId);
            }
        }
        return true;
    }
}
