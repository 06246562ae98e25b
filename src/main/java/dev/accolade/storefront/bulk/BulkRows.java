package dev.accolade.storefront.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

import dev.accolade.common.Formats;
import dev.accolade.common.Jdbc;
import dev.accolade.storefront.orders.RewardOrder;

/**
 * A batch's rows, in plain JDBC on the transaction's connection: a batch has up to 50,000 of them,
 * written in JDBC batches and read in pages, never loaded whole. Every change of a row's state is a
 * conditional update of a row still in the state it leaves.
 */
@ApplicationScoped
public class BulkRows {

    /** What a row of a new batch holds. */
    record NewRow(int rowNo, String email, String name, String sku, String description, long amount, Long employeeId,
            String subject, String message, String from, boolean valid, String problem, String warning) {
    }

    /** One reward's line in the dry run's totals. */
    public record SkuTotal(String sku, String description, int rows, long amount) {
    }

    private static final String COLUMNS = "r.batch_id, r.row_no, r.recipient_email, r.recipient_name, r.sku, r.reward_description,"
            + " r.amount, r.employee_id, r.reward_subject, r.reward_message, r.reward_from, r.state, r.problem,"
            + " r.warning, r.order_id, o.status, o.raas_order_id, o.failure_reason";
    private static final String FROM = " from bulk_row r left join reward_order o on o.id = r.order_id";

    private final AgroalDataSource data;

    BulkRows(AgroalDataSource data) {
        this.data = data;
    }

    /** Writes rows of a batch, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void insert(long batchId, List<NewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = data.getConnection(); PreparedStatement insert = c.prepareStatement("insert into bulk_row"
                + " (batch_id, row_no, recipient_email, recipient_name, sku, reward_description, amount, employee_id,"
                + " reward_subject, reward_message, reward_from, state, problem, warning)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewRow r : rows) {
                insert.setLong(1, batchId);
                insert.setInt(2, r.rowNo());
                insert.setString(3, Formats.clipped(r.email(), 255));
                insert.setString(4, Formats.clipped(r.name(), 255));
                insert.setString(5, Formats.clipped(r.sku(), 64));
                insert.setString(6, Formats.clipped(r.description(), 255));
                insert.setLong(7, r.amount());
                if (r.employeeId() == null) {
                    insert.setNull(8, Types.BIGINT);
                } else {
                    insert.setLong(8, r.employeeId());
                }
                insert.setString(9, Formats.clipped(r.subject(), 255));
                insert.setString(10, Formats.clipped(r.message(), 255));
                insert.setString(11, Formats.clipped(r.from(), 255));
                insert.setString(12, r.valid() ? "READY" : "INVALID");
                insert.setString(13, Formats.clipped(r.problem(), 500));
                insert.setString(14, Formats.clipped(r.warning(), 500));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the rows of batch " + batchId, e);
        }
    }

    /**
     * Refreshes PostgreSQL's statistics of {@code bulk_row} after a file's rows were stored. The table
     * grows by up to 50,000 rows at once; until autovacuum next analyses it (a minute or more later),
     * the planner would take a batch for a few rows and scan the whole batch for each claim. Analysing
     * a sample takes a fraction of a second. Other databases plan without it.
     */
    void refreshStatistics() {
        try (Connection c = data.getConnection()) {
            if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                try (Statement analyse = c.createStatement()) {
                    analyse.execute("analyze bulk_row");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not refresh the statistics of bulk_row", e);
        }
    }

    /**
     * Takes up to {@code max} rows of a running batch for this claimer: rows waiting, and rows claimed
     * before {@code staleBefore} by a replica that stopped. The candidates are read first (on
     * PostgreSQL locked with {@code FOR UPDATE SKIP LOCKED}, so that replicas pass over each other's
     * rows instead of queueing behind them), then each is taken by a conditional update of its key
     * that only a row still waiting (or still stale) passes. Waiting rows are read by the
     * {@code (state, batch_id, row_no)} index, so a claim reads only the rows it takes, however far the
     * batch has gone; stale ones, few at most, are looked for only when too few rows wait. Returns the
     * rows taken, in file order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<BulkRow> claim(long batchId, String claimer, int max, OffsetDateTime now, OffsetDateTime staleBefore) {
        try (Connection c = data.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (!postgres) {
                // Without SKIP LOCKED, two claims could read the same waiting rows; on these databases (H2,
                // for development and tests) claims of a batch take turns on the batch's row instead.
                try (PreparedStatement turn = c.prepareStatement("select id from bulk_batch where id = ? for update")) {
                    turn.setLong(1, batchId);
                    turn.executeQuery().close();
                }
            }
            String lock = " order by row_no fetch first " + max + " rows only" + (postgres ? " for update skip locked" : "");
            List<Integer> candidates = rowNumbers(c, "select row_no from bulk_row where state = 'READY' and batch_id = ?"
                    + lock, batchId);
            if (candidates.size() < max) {
                for (int rowNo : rowNumbers(c, "select row_no from bulk_row where state = 'CLAIMED' and batch_id = ?"
                        + " and claimed_at < ?" + lock, batchId, staleBefore)) {
                    if (candidates.size() < max) {
                        candidates.add(rowNo);
                    }
                }
            }
            if (candidates.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement take = c.prepareStatement("update bulk_row set state = 'CLAIMED', claimed_at = ?,"
                    + " claimed_by = ? where batch_id = ? and row_no = ?"
                    + " and (state = 'READY' or (state = 'CLAIMED' and claimed_at < ?))")) {
                for (int rowNo : candidates) {
                    take.setObject(1, now);
                    take.setString(2, claimer);
                    take.setLong(3, batchId);
                    take.setInt(4, rowNo);
                    take.setObject(5, staleBefore);
                    take.addBatch();
                }
                take.executeBatch();
            }
            return list(c, "r.batch_id = ? and r.claimed_by = ? and r.state = 'CLAIMED' order by r.row_no", batchId,
                    claimer);
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim rows of batch " + batchId, e);
        }
    }

    private static List<Integer> rowNumbers(Connection c, String sql, Object... values) throws SQLException {
        List<Integer> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getInt(1));
                }
            }
        }
        return found;
    }

    /**
     * Renews this claimer's claims just before their orders are placed, if its batch still runs;
     * returns how many (0: the batch was paused, cancelled or rejected since, or the rows were taken
     * again after the lease, and then they are not placed here).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int stillMine(long batchId, String claimer, OffsetDateTime now) {
        return update("update bulk_row set claimed_at = ? where batch_id = ? and state = 'CLAIMED' and claimed_by = ?"
                + " and exists (select 1 from bulk_batch b where b.id = ? and b.state = 'RUNNING')", now, batchId,
                claimer, batchId);
    }

    /**
     * This claimer's rows are PLACED with their orders ({@code orders[i]} is {@code rowNos[i]}'s; a null
     * order leaves its row as it is), in one JDBC batch, in the transaction that committed the orders
     * or just after them; returns how many rows were marked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int placed(long batchId, String claimer, List<Integer> rowNos, List<RewardOrder> orders) {
        try (Connection c = data.getConnection();
                PreparedStatement mark = c.prepareStatement("update bulk_row set state = 'PLACED', order_id = ?"
                        + " where batch_id = ? and row_no = ? and state = 'CLAIMED' and claimed_by = ?")) {
            int batched = 0;
            for (int i = 0; i < rowNos.size(); i++) {
                if (orders.get(i) != null) {
                    mark.setLong(1, orders.get(i).id);
                    mark.setLong(2, batchId);
                    mark.setInt(3, rowNos.get(i));
                    mark.setString(4, claimer);
                    mark.addBatch();
                    batched++;
                }
            }
            return batched == 0 ? 0 : (int) Arrays.stream(mark.executeBatch()).filter(n -> n != 0).count();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A claimed row was refused before any order was made. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean notSent(long batchId, int rowNo, String claimer, String why) {
        return update("update bulk_row set state = 'NOT_SENT', problem = ? where batch_id = ? and row_no = ?"
                + " and state = 'CLAIMED' and claimed_by = ?", Formats.clipped(why, 500), batchId, rowNo, claimer) == 1;
    }

    /** Claims older than {@code before} in batches that no longer run (cancelled, rejected). */
    @Transactional(Transactional.TxType.MANDATORY)
    List<BulkRow> staleInStopped(OffsetDateTime before, int max) {
        try (Connection c = data.getConnection()) {
            return list(c, "r.state = 'CLAIMED' and r.claimed_at < ? and r.batch_id in (select id from bulk_batch"
                    + " where state in ('CANCELLED', 'REJECTED')) order by r.batch_id, r.row_no fetch first " + max
                    + " rows only", before);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stale claim of a stopped batch ends: with the order its token made, or cancelled without one. */
    @Transactional(Transactional.TxType.MANDATORY)
    void settleStale(long batchId, int rowNo, Long orderId) {
        if (orderId == null) {
            update("update bulk_row set state = 'CANCELLED' where batch_id = ? and row_no = ? and state = 'CLAIMED'",
                    batchId, rowNo);
        } else {
            update("update bulk_row set state = 'PLACED', order_id = ? where batch_id = ? and row_no = ?"
                    + " and state = 'CLAIMED'", orderId, batchId, rowNo);
        }
    }

    /** Rows not yet taken are cancelled; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    int cancelWaiting(long batchId) {
        return update("update bulk_row set state = 'CANCELLED' where batch_id = ? and state = 'READY'", batchId);
    }

    /** Whether rows of the batch still wait or are being placed. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean unfinished(long batchId) {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement("select 1 from bulk_row"
                + " where batch_id = ? and state in ('READY', 'CLAIMED') fetch first 1 rows only")) {
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many rows (and their amount) are in each outcome. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<String, long[]> outcomes(long batchId) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement("select coalesce(o.status,"
                + " r.state), count(*), coalesce(sum(r.amount), 0)" + FROM + " where r.batch_id = ?"
                + " group by coalesce(o.status, r.state)")) {
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** The valid rows' totals per reward, largest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<SkuTotal> skuTotals(long batchId) {
        List<SkuTotal> totals = new ArrayList<>();
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement("select sku,"
                + " max(reward_description), count(*), sum(amount) from bulk_row where batch_id = ? and state <> 'INVALID'"
                + " group by sku order by sum(amount) desc, sku")) {
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    totals.add(new SkuTotal(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return totals;
    }

    /**
     * A page of the batch's rows in file order; {@code filter}: null for all, "problems" for the rows
     * refused or not sent, "warnings" for those with a warning, or an outcome (DELIVERED, FAILED, ...).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<BulkRow> page(long batchId, String filter, int offset, int size) {
        try (Connection c = data.getConnection()) {
            return list(c, "r.batch_id = ?" + where(filter) + " order by r.row_no offset " + Math.max(0, offset)
                    + " rows fetch next " + size + " rows only", batchId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many rows the filter shows. */
    @Transactional(Transactional.TxType.MANDATORY)
    long count(long batchId, String filter) {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement("select count(*)" + FROM
                + " where r.batch_id = ?" + where(filter))) {
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands every row to the consumer in file order, a page at a time (for the results download). */
    void each(long batchId, java.util.function.Consumer<BulkRow> consumer) {
        int after = 0;
        while (true) {
            int from = after;
            List<BulkRow> page = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = data.getConnection()) {
                    return list(c, "r.batch_id = ? and r.row_no > ? order by r.row_no fetch first 2000 rows only",
                            batchId, from);
                }
            });
            page.forEach(consumer);
            if (page.size() < 2000) {
                return;
            }
            after = page.get(page.size() - 1).rowNo();
        }
    }

    /**
     * Removes a batch that was only checked, with its rows; false when it is not (any more) CHECKED.
     * The batch's row is taken first (a no-op update that locks it), so a confirmation at the same
     * moment either comes first, and nothing is deleted, or waits and then finds it gone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean deleteChecked(long batchId) {
        if (update("update bulk_batch set state = 'CHECKED' where id = ? and state = 'CHECKED'", batchId) != 1) {
            return false;
        }
        update("delete from bulk_row where batch_id = ?", batchId);
        update("delete from bulk_batch where id = ? and state = 'CHECKED'", batchId);
        return true;
    }

    /** This claimer's rows it will not place: cancelled with their batch, or back to waiting (paused). */
    @Transactional(Transactional.TxType.MANDATORY)
    void release(long batchId, String claimer) {
        update("update bulk_row set state = 'CANCELLED' where batch_id = ? and state = 'CLAIMED' and claimed_by = ?"
                + " and exists (select 1 from bulk_batch b where b.id = ? and b.state in ('CANCELLED', 'REJECTED'))",
                batchId, claimer, batchId);
        update("update bulk_row set state = 'READY', claimed_at = null, claimed_by = null where batch_id = ?"
                + " and state = 'CLAIMED' and claimed_by = ?", batchId, claimer);
    }

    /** Waiting rows of batches that stopped (a row handed back while its batch was being cancelled). */
    @Transactional(Transactional.TxType.MANDATORY)
    int cancelStrays() {
        return update("update bulk_row set state = 'CANCELLED' where state = 'READY' and batch_id in (select id"
                + " from bulk_batch where state in ('CANCELLED', 'REJECTED'))");
    }

    private static String where(String filter) {
        if (filter == null || filter.isBlank()) {
            return "";
        }
        return switch (filter) {
            case "problems" -> " and (r.state in ('INVALID', 'NOT_SENT') or o.status = 'FAILED')";
            case "warnings" -> " and r.warning is not null and r.state <> 'INVALID'";
            case "DELIVERED", "FAILED", "UNKNOWN", "PENDING", "HELD" -> " and o.status = '" + filter + "'";
            case "READY", "CLAIMED", "CANCELLED", "NOT_SENT", "INVALID" -> " and r.state = '" + filter + "'";
            default -> "";
        };
    }

    private static List<BulkRow> list(Connection c, String where, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + FROM + " where " + where)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            List<BulkRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new BulkRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getLong(7), rs.getObject(8, Long.class), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                            rs.getObject(15, Long.class), rs.getString(16), rs.getString(17), rs.getString(18)));
                }
            }
            return rows;
        }
    }

    private int update(String sql, Object... values) {
        try (Connection c = data.getConnection()) {
            return Jdbc.execute(c, sql, values);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
