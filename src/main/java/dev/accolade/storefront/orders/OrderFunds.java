package dev.accolade.storefront.orders;

import java.util.List;

/**
 * What an order's amount is charged to besides the RaaS account: the department's budget (the
 * {@code budgets} feature implements it, so this package knows nothing of budgets). Each method runs
 * inside the ledger transaction that changes the order, before its audit row, so the charge commits
 * or rolls back with the order's state and every transaction takes the budget's row before the audit
 * trail's head. What a method returns is said in the order's audit row of the same change (one row
 * per change of a reward, however many ledgers it moves).
 */
public interface OrderFunds {

    /**
     * The order is being committed as PENDING: reserve its amount, or throw {@link NotCovered} to
     * refuse it (the order is then not stored).
     *
     * @return what was reserved, for the order's audit row; null when nothing was
     */
    String reserve(RewardOrder order);

    /**
     * The order has just become DELIVERED: its reservation becomes spent, once.
     *
     * @return what was settled, for the order's audit row; null when nothing was
     */
    String settle(RewardOrder order);

    /**
     * The order has just become FAILED: its reservation is given back, once.
     *
     * @return what was given back, for the order's audit row; null when nothing was
     */
    String release(RewardOrder order);

    /**
     * The PENDING orders of a handful of a batch's rows, committed together: the same as
     * {@link #reserve} for each (all or none, as the caller's transaction rolls back on
     * {@link NotCovered}), with nothing said for audit rows (the batch is audited, not its rows).
     */
    default void reserveAll(List<RewardOrder> orders) {
        orders.forEach(this::reserve);
    }

    /** Orders of a handful that have just become DELIVERED together: the same as {@link #settle} for each. */
    default void settleAll(List<RewardOrder> orders) {
        orders.forEach(this::settle);
    }

    /** An audit row's detail with what the funds said of the change, if anything. */
    static String with(String detail, String funds) {
        if (funds == null) {
            return detail;
        }
        return detail == null || detail.isBlank() ? funds : detail + "; " + funds;
    }
}
