package dev.accolade.storefront.occasions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.StatelessSession;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Finds the employees who have an occasion of a program within a window, with one set-based query per
 * program (by month and day of the birthday or start date, or the start date itself), so that a
 * directory of 100,000 people is read once, as rows, not as entities. The exact day in each
 * employee's own zone is decided in Java ({@link #within}) on the few rows the query returns.
 */
@ApplicationScoped
public class Candidates {

    /** An active employee, not on leave, as the query reads them. */
    public record Candidate(long employeeId, String name, String email, String managerEmail, String timeZone,
            Integer birthMonth, Integer birthDay, LocalDate startDate) {
    }

    /** One employee's occasion: the day in their zone, the years of service (anniversaries), the zone. */
    public record Due(Candidate who, LocalDate day, Integer years, ZoneId zone) {
    }

    private final StatelessSession rows;

    Candidates(StatelessSession rows) {
        this.rows = rows;
    }

    /**
     * The occasions of the program falling, in each employee's zone, from that zone's today to
     * {@code days} days later; {@code managerEmail} non-null: only that manager's reports.
     */
    public List<Due> within(OccasionProgram program, OffsetDateTime now, int days, String managerEmail) {
        LocalDate utcToday = now.toLocalDate();
        // Zones run from UTC-12 to UTC+14: a day either side covers every employee's today.
        LocalDate from = utcToday.minusDays(1);
        LocalDate to = utcToday.plusDays(days + 1L);
        List<Due> due = new ArrayList<>();
        for (Candidate c : query(program.kind, from, to, managerEmail)) {
            ZoneId zone = OccasionDates.zoneOf(c.timeZone(), program.defaultZone);
            LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
            LocalDate last = today.plusDays(days);
            occasionOf(program.kind, c, today).filter(d -> !d.day().isAfter(last))
                    .ifPresent(d -> due.add(new Due(c, d.day(), d.years(), zone)));
        }
        return due;
    }

    private record Day(LocalDate day, Integer years) {
    }

    /** The employee's next occasion of the kind on or after {@code today}. */
    private static Optional<Day> occasionOf(OccasionProgram.Kind kind, Candidate c, LocalDate today) {
        return switch (kind) {
            case BIRTHDAY -> c.birthMonth() == null || !OccasionDates.validBirthday(c.birthMonth(), c.birthDay())
                    ? Optional.empty()
                    : Optional.of(new Day(OccasionDates.nextBirthday(today, c.birthMonth(), c.birthDay()), null));
            case ANNIVERSARY -> {
                LocalDate d = OccasionDates.nextAnniversary(today, c.startDate());
                yield Optional.of(new Day(d, d.getYear() - c.startDate().getYear()));
            }
            case WELCOME -> c.startDate().isBefore(today) ? Optional.empty() : Optional.of(new Day(c.startDate(), null));
        };
    }

    /** Month * 100 + day of every day from {@code from} to {@code to}, with 29 February where 28 February stands for it. */
    static TreeSet<Integer> monthDays(LocalDate from, LocalDate to) {
        TreeSet<Integer> keys = new TreeSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            keys.add(d.getMonthValue() * 100 + d.getDayOfMonth());
            if (d.getMonthValue() == 2 && d.getDayOfMonth() == 28 && !d.isLeapYear()) {
                keys.add(229);
            }
        }
        return keys;
    }

    private List<Candidate> query(OccasionProgram.Kind kind, LocalDate from, LocalDate to, String managerEmail) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select e.id, e.name, e.email, e.manager_email, e.time_zone, e.birth_month,"
                + " e.birth_day, e.start_date from employee e where e.active = true and e.on_leave = false and ");
        switch (kind) {
            case BIRTHDAY -> {
                sql.append("e.birth_month is not null and e.birth_month * 100 + e.birth_day in (");
                inList(sql, params, monthDays(from, to));
            }
            case ANNIVERSARY -> {
                sql.append("e.start_date < ? and extract(month from e.start_date) * 100 + extract(day from e.start_date) in (");
                params.add(from.minusDays(300)); // at least one year of service by the window
                inList(sql, params, monthDays(from, to));
            }
            case WELCOME -> {
                sql.append("e.start_date between ? and ?");
                params.add(from);
                params.add(to);
            }
        }
        if (managerEmail != null) {
            sql.append(" and lower(e.manager_email) = ?");
            params.add(managerEmail.toLowerCase());
        }
        return QuarkusTransaction.joiningExisting().call(() -> rows.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    select.setObject(i + 1, params.get(i));
                }
                return read(select);
            }
        }));
    }

    private static void inList(StringBuilder sql, List<Object> params, TreeSet<Integer> keys) {
        sql.append("?,".repeat(keys.size()), 0, keys.size() * 2 - 1).append(")");
        params.addAll(keys);
    }

    private static List<Candidate> read(PreparedStatement select) throws SQLException {
        List<Candidate> out = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                out.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Integer) rs.getObject(6, Integer.class), (Integer) rs.getObject(7, Integer.class),
                        rs.getObject(8, LocalDate.class)));
            }
        }
        return out;
    }

    /** The (employee id, day) of the kind's occasions already prepared between the days, with their id and state. */
    Map<String, Object[]> prepared(OccasionProgram.Kind kind, LocalDate from, LocalDate to) {
        return QuarkusTransaction.joiningExisting().call(() -> rows.doReturningWork(connection -> {
            Map<String, Object[]> out = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("select employee_id, occasion_date, id, state"
                    + " from occasion where kind = ? and occasion_date between ? and ?")) {
                select.setString(1, kind.name());
                select.setObject(2, from);
                select.setObject(3, to);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.put(key(rs.getLong(1), rs.getObject(2, LocalDate.class)), new Object[] { rs.getLong(3),
                                rs.getString(4) });
                    }
                }
            }
            return out;
        }));
    }

    static String key(long employeeId, LocalDate day) {
        return employeeId + "@" + day;
    }
}
