package dev.accolade.storefront.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.StatelessSession;
import org.jboss.logging.Logger;

import dev.accolade.common.Jdbc;

/**
 * What each recipient was sent, per department and UTC day ({@code recipient_day_total}): every order
 * that is not FAILED counts. The spending policy's per-recipient maximum reads the period's days here,
 * a few rows however many rewards one address got (a team mailbox, a contest winner), instead of
 * every order to it.
 * <p>
 * The order ledger keeps it in step: {@link #add} in the transaction that commits an order as PENDING,
 * {@link #remove} in the one that makes it FAILED (final, and made so once by a guarded update). Both
 * run after the order's budget rows and before the audit row, the lock order of every ledger
 * transaction.
 */
@ApplicationScoped
public class RecipientTotals {

    private static final Logger LOG = Logger.getLogger(RecipientTotals.class);

    private final StatelessSession rows;

    RecipientTotals(StatelessSession rows) {
        this.rows = rows;
    }

    /** What the department sent the address (any case) from the UTC day {@code from} on, FAILED orders aside. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long since(long departmentId, String email, LocalDate from) {
        return rows.doReturningWork(connection -> {
            try (PreparedStatement sum = connection.prepareStatement("select coalesce(sum(amount), 0)"
                    + " from recipient_day_total where department_id = ? and recipient_key = ? and sent_on >= ?")) {
                sum.setLong(1, departmentId);
                sum.setString(2, key(email));
                sum.setObject(3, from);
                try (ResultSet rs = sum.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Counts a new PENDING order (in its transaction, the order's fields as they are being inserted). */
    void add(RewardOrder order) {
        LocalDate day = order.createdAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        String key = key(order.recipientEmail);
        rows.doWork(connection -> {
            if (postgres(connection)) {
                // One statement, whether or not the recipient has a row for the day yet (a batch's
                // recipients mostly have none).
                Jdbc.execute(connection, UPSERT, order.departmentId, key, day, order.amount);
                return;
            }
            // The row is there for every reward after the recipient's first of the day: one statement.
            if (change(connection, order.departmentId, key, day, order.amount) == 0) {
                Jdbc.execute(connection, "insert into recipient_day_total (department_id, recipient_key, sent_on, amount)"
                        + " values (?, ?, ?, 0) on conflict do nothing", order.departmentId, key, day);
                if (change(connection, order.departmentId, key, day, order.amount) != 1) {
                    throw new IllegalStateException("recipient_day_total: no row for order " + order.id);
                }
            }
        });
    }

    /**
     * Counts new PENDING or HELD orders together, as {@link #add} counts one, in the order given (the
     * caller's lock order). On PostgreSQL their upserts go in one JDBC batch, one round trip for all.
     */
    void addAll(List<RewardOrder> orders) {
        if (orders.isEmpty()) {
            return;
        }
        boolean batched = rows.doReturningWork(connection -> {
            if (!postgres(connection)) {
                return false;
            }
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (RewardOrder order : orders) {
                    upsert.setLong(1, order.departmentId);
                    upsert.setString(2, key(order.recipientEmail));
                    upsert.setObject(3, order.createdAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
                    upsert.setLong(4, order.amount);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return true;
        });
        if (!batched) {
            orders.forEach(this::add);
        }
    }

    private static final String UPSERT = "insert into recipient_day_total (department_id, recipient_key, sent_on, amount)"
            + " values (?, ?, ?, ?) on conflict (department_id, recipient_key, sent_on)"
            + " do update set amount = recipient_day_total.amount + excluded.amount";

    /** Whether the database is PostgreSQL, asked once. */
    private boolean postgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            postgres = known = Jdbc.postgres(connection);
        }
        return known;
    }

    private volatile Boolean postgres;

    /**
     * Takes off an order that has just become FAILED, as the database has it (the caller's copy may
     * be a partial one).
     */
    void remove(long orderId) {
        rows.doWork(connection -> {
            try (PreparedStatement read = connection.prepareStatement(
                    "select department_id, recipient_email, created_at, amount from reward_order where id = ?")) {
                read.setLong(1, orderId);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    LocalDate day = rs.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
                            .toLocalDate();
                    long departmentId = rs.getLong(1);
                    // Never a reason to roll back the failure (which gives the budget back): a total that
                    // did not count the order is said, not fatal.
                    if (change(connection, departmentId, key(rs.getString(2)), day, -rs.getLong(4)) != 1) {
                        LOG.warnf("Order %d failed, and no recipient total held it (department %d, %s): nothing"
                                + " to take off", orderId, departmentId, day);
                    }
                }
            }
        });
    }

    /**
     * The address as the totals key it: lower case, by this one rule wherever it is computed, V102's
     * count of the existing orders included (an order's {@code recipient_key} column is the database's
     * lower case, the same for every ASCII address).
     */
    public static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** Adds {@code by} (negative: takes it off) to one day's total, never below zero; returns the row count. */
    private static int change(Connection connection, long departmentId, String key, LocalDate day, long by)
            throws SQLException {
        return Jdbc.execute(connection, "update recipient_day_total set amount = case when amount + ? >= 0"
                + " then amount + ? else 0 end where department_id = ? and recipient_key = ? and sent_on = ?",
                by, by, departmentId, key, day);
    }
}
