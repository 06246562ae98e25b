package dev.accolade.storefront.orders;

/**
 * What an order's amount is charged to besides the RaaS account: the department's budget (the
 * {@code budgets} feature implements it, so this package knows nothing of budgets). Each method runs
 * inside the ledger transaction that changes the order, before its audit row, so the charge commits
 * or rolls back with the order's state and every transaction takes the budget's row before the audit
 * trail's head.
 */
public interface OrderFunds {

    /**
     * The order is being committed as PENDING: reserve its amount, or throw {@link NotCovered} to
     * refuse it (the order is then not stored).
     */
    void reserve(RewardOrder order);

    /** The order has just become DELIVERED: its reservation becomes spent, once. */
    void settle(RewardOrder order);

    /** The order has just become FAILED: its reservation is given back, once. */
    void release(RewardOrder order);
}
