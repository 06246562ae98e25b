package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.accolade.storefront.orders.RecipientTotals;

/**
 * {@code recipient_day_total}: what each recipient was sent per department and UTC day, counting every
 * order that is not FAILED (PENDING, DELIVERED, UNKNOWN, HELD). The spending policy's per-recipient
 * maximum sums the period's days here instead of reading every order to the address; the order
 * ledger keeps it ({@link RecipientTotals}).
 * <p>
 * The existing orders are added up here, in Java, by the rules the ledger uses: the address keyed by
 * {@link RecipientTotals#key} (the database's {@code lower()} can differ from it for a non-ASCII
 * address) and the day taken in UTC (H2 would take a date cast in the JVM's time zone). The key column
 * is wider than an address, as lower-casing can lengthen one.
 */
public class V102__RecipientDayTotal extends BaseJavaMigration {

    private record Day(long departmentId, String key, LocalDate day) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute("create table recipient_day_total ("
                    + " department_id bigint not null references department (id),"
                    + " recipient_key varchar(512) not null,"
                    + " sent_on date not null,"
                    + " amount bigint not null,"
                    + " constraint recipient_day_total_pk primary key (department_id, recipient_key, sent_on),"
                    + " constraint recipient_day_total_amount_ck check (amount >= 0))");
        }
        fill(connection);
    }

    /** Adds up every order that is not FAILED into the (empty) table. */
    public static void fill(Connection connection) throws java.sql.SQLException {
        Map<Day, Long> sums = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("select department_id, recipient_email, created_at,"
                + " amount from reward_order where status <> 'FAILED'")) {
            read.setFetchSize(1000);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = rs.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
                            .toLocalDate();
                    sums.merge(new Day(rs.getLong(1), RecipientTotals.key(rs.getString(2)), day), rs.getLong(4),
                            Long::sum);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into recipient_day_total"
                + " (department_id, recipient_key, sent_on, amount) values (?, ?, ?, ?)")) {
            int batched = 0;
            for (Map.Entry<Day, Long> e : sums.entrySet()) {
                insert.setLong(1, e.getKey().departmentId());
                insert.setString(2, e.getKey().key());
                insert.setObject(3, e.getKey().day());
                insert.setLong(4, e.getValue());
                insert.addBatch();
                if (++batched % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
