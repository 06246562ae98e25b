package dev.accolade.storefront.orders;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders that have just become DELIVERED (a final status): one, or the handful of a batch's rows
 * settled together ({@link OrderLedger#deliveredAll}), fired synchronously by {@link OrderLedger}
 * inside the transaction that delivered them, so that whatever an observer keeps about delivered orders
 * (the reports' monthly sums) commits or rolls back with the delivery, and the ledger knows nothing of
 * its observers.
 * <p>
 * Lock order: observers read when notified (locking nothing), before the delivery's audit row; what
 * they write is handed to {@link #thenWrite} and runs after the audit row, as the transaction's last
 * statements, since rows written stay locked until the commit. The audit trail's head is locked at the
 * commit on PostgreSQL (after those writes) and by the audit row itself on H2 (before them): on either
 * database every delivery takes the two in the same order, so none waits for another in a cycle. A
 * batch's rows delivered together write no audit row (their batch is audited), and their sums are
 * taken in one order (see ReportRollup).
 */
public final class OrderDelivered {

    private final List<RewardOrder> orders;
    private final List<Runnable> writes = new ArrayList<>(1);

    OrderDelivered(List<RewardOrder> orders) {
        this.orders = List.copyOf(orders);
    }

    /** The orders (at least one); only their fields fixed when they were placed are meant to be read. */
    public List<RewardOrder> orders() {
        return orders;
    }

    /** Runs the write after the delivery's audit row, last in the transaction. */
    public void thenWrite(Runnable write) {
        writes.add(write);
    }

    void writeLast() {
        writes.forEach(Runnable::run);
    }
}
