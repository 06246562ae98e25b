package dev.accolade.storefront.occasions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.StatelessSession;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.common.Jdbc;

/**
 * What became of each occasion's draft, read from its scheduled send: placed on its day (SENT), after
 * it or missed its time (LATE: the send waited, OVERDUE, for the manager), cancelled (SKIPPED), not
 * placeable at its time (FAILED). {@link #sync} copies that onto the occasions whose send moved since
 * (whichever page or job moved it), and {@link #counts} gives the report per program and month.
 */
@ApplicationScoped
public class OccasionOutcomes {

    /** One program's occasions of one month, by state. */
    public record Counts(long programId, YearMonth month, Map<Occasion.State, Long> byState) {
        public long of(String state) {
            return byState.getOrDefault(Occasion.State.valueOf(state), 0L);
        }

        public long total() {
            return byState.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final StatelessSession rows;

    OccasionOutcomes(StatelessSession rows) {
        this.rows = rows;
    }

    /** Brings the occasions whose draft was placed, cancelled, failed or missed its time up to date. */
    public void sync() {
        QuarkusTransaction.requiringNew().run(() -> rows.doWork(connection -> {
            List<Object[]> moved = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select o.id, o.state, s.state, s.closed_at,"
                    + " s.time_zone, o.occasion_date, s.note from occasion o join scheduled_send s on s.id = o.scheduled_send_id"
                    + " where (o.state = 'DRAFT' and s.state in ('PLACED', 'CANCELLED', 'FAILED', 'OVERDUE'))"
                    + " or (o.state = 'LATE' and s.state in ('CANCELLED', 'FAILED'))");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    moved.add(new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getObject(6, LocalDate.class),
                            rs.getString(7) });
                }
            }
            for (Object[] m : moved) {
                Occasion.State to = outcome((String) m[2], (OffsetDateTime) m[3], (String) m[4], (LocalDate) m[5]);
                Jdbc.execute(connection, "update occasion set state = ?, reason = ? where id = ? and state = ?", to.name(),
                        to == Occasion.State.FAILED ? truncate((String) m[6]) : null, m[0], m[1]);
            }
        }));
    }

    /** The occasion's state for its send's: placed on or before its day in the send's zone is SENT. */
    static Occasion.State outcome(String sendState, OffsetDateTime closedAt, String zone, LocalDate day) {
        return switch (sendState) {
            case "PLACED" -> closedAt != null && closedAt.atZoneSameInstant(ZoneId.of(zone)).toLocalDate().isAfter(day)
                    ? Occasion.State.LATE
                    : Occasion.State.SENT;
            case "CANCELLED" -> Occasion.State.SKIPPED;
            case "FAILED" -> Occasion.State.FAILED;
            default -> Occasion.State.LATE; // OVERDUE: missed its time, waits for the manager
        };
    }

    /** Counts per program and month of the occasion's day, from {@code from} (a month's first day) on. */
    public List<Counts> counts(LocalDate from) {
        sync();
        return QuarkusTransaction.requiringNew().call(() -> rows.doReturningWork(connection -> {
            Map<String, Counts> out = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement("select program_id, extract(year from occasion_date),"
                    + " extract(month from occasion_date), state, count(*) from occasion where occasion_date >= ?"
                    + " group by program_id, extract(year from occasion_date), extract(month from occasion_date), state")) {
                select.setObject(1, from);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long program = rs.getLong(1);
                        YearMonth month = YearMonth.of(rs.getInt(2), rs.getInt(3));
                        Counts c = out.computeIfAbsent(month + "/" + String.format("%012d", program),
                                k -> new Counts(program, month, new EnumMap<>(Occasion.State.class)));
                        c.byState().merge(Occasion.State.valueOf(rs.getString(4)), rs.getLong(5), Long::sum);
                    }
                }
            }
            List<Counts> newestFirst = new ArrayList<>(out.values());
            java.util.Collections.reverse(newestFirst);
            return newestFirst;
        }));
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
    }
}
