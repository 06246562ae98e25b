package dev.accolade.storefront.budgets;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.StatelessSession;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
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
 * the same order (reservation, budget, allowance, then the audit trail's head), so two of these never
 * wait for each other in a cycle.
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
    public void reserve(RewardOrder order) {
        Reservation held = rows.createSelectionQuery("from Reservation where token = :token", Reservation.class)
                .setParameter("token", order.sendToken).uniqueResult();
        if (held != null) {
            // An approved request: its amount was reserved when it was asked for; the order takes it over.
            int n = rows.createMutationQuery("update Reservation set orderId = :order where id = :id"
                    + " and state = :reserved and orderId is null").setParameter("order", order.id)
                    .setParameter("id", held.id).setParameter("reserved", Reservation.State.RESERVED).executeUpdate();
            if (n != 1) {
                throw new NotCovered("This request's budget reservation was given back (it was rejected or expired).");
            }
            return;
        }
        reserve(order.sendToken, order.departmentId, order.requesterId, order.amount, true, order.id,
                "order " + order.id);
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
        return reserve(token, departmentId, userId, amount, withinAllowance, null, what);
    }

    /** Gives back a request's reservation that no order took over (rejected, expired, changes asked). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean releaseRequest(String token, String why) {
        Reservation r = rows.createSelectionQuery("from Reservation where token = :token and orderId is null",
                Reservation.class).setParameter("token", token).uniqueResult();
        return r != null && close(r, Reservation.State.RELEASED, why);
    }

    @Override
    public void settle(RewardOrder order) {
        byOrder(order.id, Reservation.State.SETTLED, "order " + order.id + " delivered");
    }

    @Override
    public void release(RewardOrder order) {
        byOrder(order.id, Reservation.State.RELEASED, "order " + order.id + " not sent");
    }

    private boolean reserve(String token, long departmentId, long userId, long amount, boolean withinAllowance,
            Long orderId, String what) {
        OffsetDateTime now = Clocks.utcNow(clock);
        Budget budget = rows.createSelectionQuery("from Budget where departmentId = :department"
                + " and periodStart <= :day and periodEnd > :day", Budget.class)
                .setParameter("department", departmentId).setParameter("day", now.toLocalDate()).uniqueResult();
        if (budget == null) {
            return false;
        }
        int n = rows.createMutationQuery("update Budget set reserved = reserved + :amount where id = :id"
                + " and amount - settled - reserved >= :amount").setParameter("amount", amount)
                .setParameter("id", budget.id).executeUpdate();
        if (n != 1) {
            Budget now2 = rows.get(Budget.class, budget.id);
            throw new NotCovered("Your department's budget for " + budget.label() + " has "
                    + Formats.dollars(now2.remaining()) + " left, less than " + Formats.dollars(amount) + ".");
        }
        Long allowanceId = null;
        if (withinAllowance) {
            Allowance allowance = rows.createSelectionQuery("from Allowance where budgetId = :budget and userId = :user",
                    Allowance.class).setParameter("budget", budget.id).setParameter("user", userId).uniqueResult();
            if (allowance != null) {
                n = rows.createMutationQuery("update Allowance set reserved = reserved + :amount where id = :id"
                        + " and amount - settled - reserved >= :amount").setParameter("amount", amount)
                        .setParameter("id", allowance.id).executeUpdate();
                if (n != 1) {
                    // The budget's row was changed in this transaction: the caller's rollback undoes it.
                    throw new NotCovered("Your allowance for " + budget.label() + " has "
                            + Formats.dollars(rows.get(Allowance.class, allowance.id).remaining()) + " left, less than "
                            + Formats.dollars(amount) + ".");
                }
                allowanceId = allowance.id;
            }
        }
        Reservation r = new Reservation();
        r.token = token;
        r.budgetId = budget.id;
        r.allowanceId = allowanceId;
        r.departmentId = departmentId;
        r.userId = userId;
        r.amount = amount;
        r.state = Reservation.State.RESERVED;
        r.orderId = orderId;
        r.createdAt = now;
        rows.insert(r);
        audit.record("BUDGET_RESERVE", "budget " + budget.id, "RESERVED", Formats.dollars(amount) + " for " + what
                + (allowanceId == null ? "" : " (within the manager's allowance)"));
        return true;
    }

    private void byOrder(long orderId, Reservation.State to, String why) {
        Reservation r = rows.createSelectionQuery("from Reservation where orderId = :order", Reservation.class)
                .setParameter("order", orderId).uniqueResult();
        if (r != null) {
            close(r, to, why);
        }
    }

    /** RESERVED to SETTLED or RELEASED, once; then the budget's (and allowance's) figures follow. */
    private boolean close(Reservation r, Reservation.State to, String why) {
        int n = rows.createMutationQuery("update Reservation set state = :to, resolvedAt = :now where id = :id"
                + " and state = :reserved").setParameter("to", to).setParameter("now", Clocks.utcNow(clock))
                .setParameter("id", r.id).setParameter("reserved", Reservation.State.RESERVED).executeUpdate();
        if (n != 1) {
            return false;
        }
        String settledTo = to == Reservation.State.SETTLED ? "settled = settled + :amount, " : "";
        String move = "set " + settledTo + "reserved = reserved - :amount where id = :id";
        rows.createMutationQuery("update Budget " + move).setParameter("amount", r.amount).setParameter("id", r.budgetId)
                .executeUpdate();
        if (r.allowanceId != null) {
            rows.createMutationQuery("update Allowance " + move).setParameter("amount", r.amount)
                    .setParameter("id", r.allowanceId).executeUpdate();
        }
        audit.record(to == Reservation.State.SETTLED ? "BUDGET_SETTLE" : "BUDGET_RELEASE", "budget " + r.budgetId,
                to.name(), Formats.dollars(r.amount) + ": " + why);
        return true;
    }
}
