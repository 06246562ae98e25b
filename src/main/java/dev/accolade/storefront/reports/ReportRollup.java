package dev.accolade.storefront.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.hibernate.StatelessSession;

import dev.accolade.storefront.orders.OrderDelivered;
import dev.accolade.storefront.orders.RewardOrder;

/**
 * Keeps {@code report_rollup}: delivered rewards summed per month (UTC), department and dimension.
 * Observes {@link OrderDelivered} in the transaction that marks an order DELIVERED (a final status),
 * so the rollup commits or rolls back with it and always equals a GROUP BY over the delivered orders
 * of whole months. Plain JDBC on the connection of the transaction's stateless session, the one the
 * delivery is written with: this runs for every reward delivered.
 */
@ApplicationScoped
public class ReportRollup {

    private final StatelessSession rows;

    ReportRollup(StatelessSession rows) {
        this.rows = rows;
    }

    /** Reads the order's sums now and adds to them last, after the delivery's audit row. */
    @Transactional(Transactional.TxType.MANDATORY)
    void delivered(@Observes OrderDelivered delivery) {
        Sums sums = sumsOf(delivery.order());
        delivery.thenWrite(() -> add(sums));
    }

    /**
     * The four sums a delivered order adds to, and whether they all have a row already. Made by
     * {@link #sumsOf} with a plain read, and applied by {@link #add} as late in the transaction as
     * possible, since the sums' rows stay locked from there to the commit.
     */
    static final class Sums {
        private final int month;
        private final long departmentId;
        private final long amount;
        private final String[][] keys;
        private final boolean allExist;

        private Sums(int month, long departmentId, long amount, String[][] keys, boolean allExist) {
            this.month = month;
            this.departmentId = departmentId;
            this.amount = amount;
            this.keys = keys;
            this.allExist = allExist;
        }
    }

    /**
     * The sums of an order that has just become DELIVERED; must run in the transaction that delivered
     * it. Only the order's fixed fields are read (creation time, department, brand, requester,
     * recipient and amount never change after the order is placed). Locks nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Sums sumsOf(RewardOrder o) {
        int month = monthOf(o.createdAt);
        String[][] keys = {
                { Dimension.ALL_KEY, "" },
                { "BRAND", o.brand },
                { "MANAGER", o.requesterEmail },
                { "RECIPIENT", o.recipientEmail.toLowerCase(Locale.ROOT) } };
        int existing = rows.doReturningWork(connection -> existing(connection, month, o.departmentId, keys));
        return new Sums(month, o.departmentId, o.amount, keys, existing == keys.length);
    }

    /**
     * Adds the order to its sums, in the transaction that delivered it.
     * <p>
     * Rollup rows are never deleted, so when all four sums existed when they were counted (the usual
     * case) they are incremented in one JDBC batch without the rollup lock. When one was missing (a
     * new month, brand, manager or recipient), the rollup lock is taken first, before any sum's row,
     * and each sum is updated or inserted under it: inserts are serialised, so no key is inserted
     * twice, and every transaction locks the sums' rows in the same order, so none waits for another
     * in a cycle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void add(Sums sums) {
        rows.doWork(connection -> {
            if (sums.allExist) {
                try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                    for (String[] key : sums.keys) {
                        bind(update, sums.amount, key[0], sums.month, sums.departmentId, key[1]);
                        update.addBatch();
                    }
                    for (int n : update.executeBatch()) {
                        if (n != 1) {
                            throw new IllegalStateException("a report_rollup row disappeared while it was updated");
                        }
                    }
                }
                return;
            }
            try (PreparedStatement lock = connection.prepareStatement(
                    "select id from report_rollup_lock where id = 1 for update");
                    ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
            try (PreparedStatement update = connection.prepareStatement(UPDATE);
                    PreparedStatement insert = connection.prepareStatement("insert into report_rollup (period_month,"
                            + " department_id, dimension, dim_key, rewards, spend) values (?, ?, ?, ?, 1, ?)")) {
                for (String[] key : sums.keys) {
                    bind(update, sums.amount, key[0], sums.month, sums.departmentId, key[1]);
                    if (update.executeUpdate() == 1) {
                        continue;
                    }
                    insert.setInt(1, sums.month);
                    insert.setLong(2, sums.departmentId);
                    insert.setString(3, key[0]);
                    insert.setString(4, key[1]);
                    insert.setLong(5, sums.amount);
                    insert.executeUpdate();
                }
            }
        });
    }

    /** How many of the four sums already have a row. */
    private static int existing(Connection connection, int month, long departmentId, String[][] keys)
            throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from report_rollup"
                + " where period_month = ? and department_id = ? and ((dimension = ? and dim_key = ?)"
                + " or (dimension = ? and dim_key = ?) or (dimension = ? and dim_key = ?) or (dimension = ? and dim_key = ?))")) {
            count.setInt(1, month);
            count.setLong(2, departmentId);
            for (int i = 0; i < keys.length; i++) {
                count.setString(3 + 2 * i, keys[i][0]);
                count.setString(4 + 2 * i, keys[i][1]);
            }
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static final String UPDATE = "update report_rollup set rewards = rewards + 1, spend = spend + ?"
            + " where dimension = ? and period_month = ? and department_id = ? and dim_key = ?";

    private static void bind(PreparedStatement update, long amount, String dimension, int month, long departmentId,
            String key) throws SQLException {
        update.setLong(1, amount);
        update.setString(2, dimension);
        update.setInt(3, month);
        update.setLong(4, departmentId);
        update.setString(5, key);
    }

    /** {@code 2024-03-31T23:30Z} is month {@code 202403}: months are UTC calendar months. */
    static int monthOf(OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        return utc.getYear() * 100 + utc.getMonthValue();
    }
}
