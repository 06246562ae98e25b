package dev.accolade.storefront.reports;

import java.sql.PreparedStatement;
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

    /** Adds the order to its sums last, after the delivery's audit row. */
    @Transactional(Transactional.TxType.MANDATORY)
    void delivered(@Observes OrderDelivered delivery) {
        Sums sums = sumsOf(delivery.order());
        delivery.thenWrite(() -> add(sums));
    }

    /**
     * The four sums a delivered order adds to, made from the order's fixed fields, and applied by
     * {@link #add} as late in the transaction as possible, since the sums' rows stay locked from
     * there to the commit.
     */
    record Sums(int month, long departmentId, long amount, String[][] keys) {
    }

    /**
     * The sums of an order that has just become DELIVERED. Only the order's fixed fields are read
     * (creation time, department, brand, requester, recipient and amount never change after the
     * order is placed): nothing is read from the database and nothing is locked.
     */
    static Sums sumsOf(RewardOrder o) {
        return new Sums(monthOf(o.createdAt), o.departmentId, o.amount, new String[][] {
                { Dimension.ALL_KEY, "" },
                { "BRAND", o.brand },
                { "MANAGER", o.requesterEmail },
                { "RECIPIENT", o.recipientEmail.toLowerCase(Locale.ROOT) } });
    }

    /**
     * Adds the order to its sums, in the transaction that delivered it.
     * <p>
     * The department's month total ({@code ALL}) is updated first, and inserted first if the month has
     * none yet ({@code on conflict do nothing}, then the update): every transaction that adds to a
     * department's month holds that row's lock before it touches any other of the month's sums, so
     * that row orders them all. Under it, the other three sums are updated in one JDBC batch, and a
     * sum that has no row yet (a new brand, manager or recipient) is inserted: no other writer of the
     * department's month can insert the same key meanwhile, and none waits for another in a cycle.
     * Rollup rows are never deleted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void add(Sums sums) {
        rows.doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE);
                    PreparedStatement insert = connection.prepareStatement("insert into report_rollup (period_month,"
                            + " department_id, dimension, dim_key, rewards, spend) values (?, ?, ?, ?, 0, 0)"
                            + " on conflict do nothing")) {
                String[][] keys = sums.keys();
                if (update(update, sums, keys[0]) == 0) {
                    insert(insert, sums, keys[0]);
                    if (update(update, sums, keys[0]) != 1) {
                        throw new IllegalStateException("a report_rollup total could not be added to");
                    }
                }
                for (int i = 1; i < keys.length; i++) {
                    bind(update, sums.amount(), keys[i][0], sums.month(), sums.departmentId(), keys[i][1]);
                    update.addBatch();
                }
                int[] updated = update.executeBatch();
                for (int i = 1; i < keys.length; i++) {
                    if (updated[i - 1] == 0) {
                        insert(insert, sums, keys[i]);
                        if (update(update, sums, keys[i]) != 1) {
                            throw new IllegalStateException("a report_rollup sum could not be added to");
                        }
                    }
                }
            }
        });
    }

    private static int update(PreparedStatement update, Sums sums, String[] key) throws SQLException {
        bind(update, sums.amount(), key[0], sums.month(), sums.departmentId(), key[1]);
        return update.executeUpdate();
    }

    private static void insert(PreparedStatement insert, Sums sums, String[] key) throws SQLException {
        insert.setInt(1, sums.month());
        insert.setLong(2, sums.departmentId());
        insert.setString(3, key[0]);
        insert.setString(4, key[1]);
        insert.executeUpdate();
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
