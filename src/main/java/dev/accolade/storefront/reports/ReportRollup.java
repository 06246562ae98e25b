package dev.accolade.storefront.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.hibernate.StatelessSession;

import dev.accolade.common.Jdbc;
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

    /** Adds the orders to their sums last, after the delivery's audit row. */
    @Transactional(Transactional.TxType.MANDATORY)
    void delivered(@Observes OrderDelivered delivery) {
        List<Sums> sums = sumsOf(delivery.orders());
        delivery.thenWrite(() -> sums.forEach(this::add));
    }

    /**
     * What delivered orders add to one department's month: {@code rewards} and {@code spend} per
     * dimension key, the department's month total ({@code ALL}) first. Made from the orders' fixed
     * fields, and applied by {@link #add} as late in the transaction as possible, since the sums' rows
     * stay locked from there to the commit.
     */
    record Sums(int month, long departmentId, Map<Key, long[]> added) {
    }

    /** One sum's row within a department's month. */
    record Key(String dimension, String key) {
    }

    /**
     * The sums of orders that have just become DELIVERED, one {@link Sums} per department and month in
     * the order of both (the order every transaction takes their rows in), each key once however many
     * of the orders add to it: a batch's handful of rows delivered together updates its department's
     * month total once. Only the orders' fixed fields are read (creation time, department, brand,
     * requester, recipient and amount never change after an order is placed): nothing is read from the
     * database and nothing is locked.
     */
    static List<Sums> sumsOf(List<RewardOrder> orders) {
        Map<List<Long>, Map<Key, long[]>> byMonth = new TreeMap<>(Comparator
                .<List<Long>> comparingLong(k -> k.get(0)).thenComparingLong(k -> k.get(1)));
        for (RewardOrder o : orders) {
            Map<Key, long[]> added = byMonth.computeIfAbsent(List.of((long) monthOf(o.createdAt), o.departmentId),
                    k -> new LinkedHashMap<>());
            for (Key key : List.of(new Key(Dimension.ALL_KEY, ""), new Key("BRAND", o.brand),
                    new Key("MANAGER", o.requesterEmail), new Key("RECIPIENT", o.recipientEmail.toLowerCase(Locale.ROOT)))) {
                long[] sum = added.computeIfAbsent(key, k -> new long[2]);
                sum[0]++;
                sum[1] += o.amount;
            }
        }
        List<Sums> sums = new ArrayList<>(byMonth.size());
        byMonth.forEach((k, added) -> sums.add(new Sums(k.get(0).intValue(), k.get(1), added)));
        return sums;
    }

    /**
     * Adds delivered orders to one department's month, in the transaction that delivered them.
     * <p>
     * The department's month total ({@code ALL}) is updated first, and inserted first if the month has
     * none yet ({@code on conflict do nothing}, then the update): every transaction that adds to a
     * department's month holds that row's lock before it touches any other of the month's sums, so
     * that row orders them all. Under it, the other sums are updated in one JDBC batch, and a sum that
     * has no row yet (a new brand, manager or recipient) is inserted: no other writer of the
     * department's month can insert the same key meanwhile, and none waits for another in a cycle.
     * Rollup rows are never deleted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void add(Sums sums) {
        rows.doWork(connection -> {
            if (postgres(connection)) {
                upsert(connection, sums);
                return;
            }
            try (PreparedStatement update = connection.prepareStatement(UPDATE);
                    PreparedStatement insert = connection.prepareStatement("insert into report_rollup (period_month,"
                            + " department_id, dimension, dim_key, rewards, spend) values (?, ?, ?, ?, 0, 0)"
                            + " on conflict do nothing")) {
                List<Map.Entry<Key, long[]>> keys = new ArrayList<>(sums.added().entrySet());
                if (update(update, sums, keys.get(0)) == 0) {
                    insert(insert, sums, keys.get(0).getKey());
                    if (update(update, sums, keys.get(0)) != 1) {
                        throw new IllegalStateException("a report_rollup total could not be added to");
                    }
                }
                for (int i = 1; i < keys.size(); i++) {
                    bind(update, sums, keys.get(i));
                    update.addBatch();
                }
                int[] updated = update.executeBatch();
                for (int i = 1; i < keys.size(); i++) {
                    if (updated[i - 1] == 0) {
                        insert(insert, sums, keys.get(i).getKey());
                        if (update(update, sums, keys.get(i)) != 1) {
                            throw new IllegalStateException("a report_rollup sum could not be added to");
                        }
                    }
                }
            }
        });
    }

    /**
     * The same on PostgreSQL, one statement per sum whether its row is there or not: the month total
     * first, then the other sums in one JDBC batch.
     */
    private static void upsert(Connection connection, Sums sums) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("insert into report_rollup (rewards, spend,"
                + " dimension, period_month, department_id, dim_key) values (?, ?, ?, ?, ?, ?)"
                + " on conflict (dimension, period_month, department_id, dim_key) do update set"
                + " rewards = report_rollup.rewards + excluded.rewards, spend = report_rollup.spend + excluded.spend")) {
            List<Map.Entry<Key, long[]>> keys = new ArrayList<>(sums.added().entrySet());
            bind(upsert, sums, keys.get(0));
            upsert.executeUpdate();
            if (keys.size() > 1) {
                for (int i = 1; i < keys.size(); i++) {
                    bind(upsert, sums, keys.get(i));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
    }

    /** Whether the database is PostgreSQL, asked once. */
    private boolean postgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            postgres = known = Jdbc.postgres(connection);
        }
        return known;
    }

    private volatile Boolean postgres;

    private static int update(PreparedStatement update, Sums sums, Map.Entry<Key, long[]> key) throws SQLException {
        bind(update, sums, key);
        return update.executeUpdate();
    }

    private static void insert(PreparedStatement insert, Sums sums, Key key) throws SQLException {
        insert.setInt(1, sums.month());
        insert.setLong(2, sums.departmentId());
        insert.setString(3, key.dimension());
        insert.setString(4, key.key());
        insert.executeUpdate();
    }

    private static final String UPDATE = "update report_rollup set rewards = rewards + ?, spend = spend + ?"
            + " where dimension = ? and period_month = ? and department_id = ? and dim_key = ?";

    private static void bind(PreparedStatement update, Sums sums, Map.Entry<Key, long[]> key) throws SQLException {
        update.setLong(1, key.getValue()[0]);
        update.setLong(2, key.getValue()[1]);
        update.setString(3, key.getKey().dimension());
        update.setInt(4, sums.month());
        update.setLong(5, sums.departmentId());
        update.setString(6, key.getKey().key());
    }

    /** {@code 2024-03-31T23:30Z} is month {@code 202403}: months are UTC calendar months. */
    static int monthOf(OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        return utc.getYear() * 100 + utc.getMonthValue();
    }
}
