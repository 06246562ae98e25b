package dev.accolade.storefront.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Spend and number of delivered rewards, grouped by one {@link Dimension}, over a period and
 * optionally one department. Whole months come from {@code report_rollup}; the partial months at
 * either end of the period from {@code reward_order} itself, so any day range is exact and a report
 * reads at most two partial months of orders, however long the period.
 */
@ApplicationScoped
public class Reports {

    /** One line of a report. {@code key} is what the CSV and the chart use; {@code label} is shown. */
    public record Row(String key, String label, long rewards, long spend) {
    }

    /** A report: its rows, sorted, and totals. */
    public record Report(Dimension by, ReportFilter filter, List<Row> rows, long rewards, long spend, long unsettled) {
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private final EntityManager em;

    Reports(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Report report(Dimension by, ReportFilter filter) {
        Map<String, long[]> sums = new HashMap<>();
        YearMonth first = YearMonth.from(filter.from());
        YearMonth last = YearMonth.from(filter.to());
        // Whole months [m1, m2) come from the rollup; anything else from the orders.
        YearMonth m1 = filter.from().getDayOfMonth() == 1 ? first : first.plusMonths(1);
        YearMonth m2 = filter.to().equals(last.atEndOfMonth()) ? last.plusMonths(1) : last;
        if (m1.isBefore(m2)) {
            rollup(by, filter.departmentId(), m1, m2, sums);
            raw(by, filter.departmentId(), filter.start(), utc(m1.atDay(1)), sums);
            raw(by, filter.departmentId(), utc(m2.atDay(1)), filter.end(), sums);
        } else {
            // No whole month: at most two partial months, read from the orders month by month.
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                OffsetDateTime s = max(filter.start(), utc(m.atDay(1)));
                OffsetDateTime e = min(filter.end(), utc(m.plusMonths(1).atDay(1)));
                raw(by, filter.departmentId(), s, e, sums);
            }
        }
        if (by == Dimension.MONTH) {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                sums.putIfAbsent(key(m), new long[2]);
            }
        }
        Map<String, String> labels = new ReportLabels(em).of(by, sums.keySet());
        List<Row> rows = new ArrayList<>();
        sums.forEach((k, v) -> rows.add(new Row(k, labels.getOrDefault(k, k), v[0], v[1])));
        rows.sort(by == Dimension.MONTH ? Comparator.comparing(Row::key)
                : Comparator.comparingLong(Row::spend).reversed().thenComparing(Row::label));
        long rewards = rows.stream().mapToLong(Row::rewards).sum();
        long spend = rows.stream().mapToLong(Row::spend).sum();
        return new Report(by, filter, rows, rewards, spend, unsettled(filter));
    }

    /** Orders of the period whose outcome is not known yet: not counted in the figures. */
    private long unsettled(ReportFilter f) {
        Query q = em.createNativeQuery("select count(*) from reward_order where (status = 'UNKNOWN' or status = 'PENDING')"
                + " and created_at >= ?1 and created_at < ?2" + (f.departmentId() == null ? "" : " and department_id = ?3"))
                .setParameter(1, f.start()).setParameter(2, f.end());
        if (f.departmentId() != null) {
            q.setParameter(3, f.departmentId());
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    private void rollup(Dimension by, Long department, YearMonth from, YearMonth until, Map<String, long[]> sums) {
        String group = switch (by) {
            case DEPARTMENT -> "department_id";
            case MONTH -> "period_month";
            default -> "dim_key";
        };
        Query q = em.createNativeQuery("select " + group + ", sum(rewards), sum(spend) from report_rollup"
                + " where dimension = ?1 and period_month >= ?2 and period_month < ?3"
                + (department == null ? "" : " and department_id = ?4") + " group by " + group)
                .setParameter(1, by.rollup).setParameter(2, month(from)).setParameter(3, month(until));
        if (department != null) {
            q.setParameter(4, department);
        }
        for (Object r : q.getResultList()) {
            Object[] row = (Object[]) r;
            String k = by == Dimension.MONTH ? key(YearMonth.of(((Number) row[0]).intValue() / 100,
                    ((Number) row[0]).intValue() % 100)) : String.valueOf(row[0]);
            add(sums, k, ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
        }
    }

    private void raw(Dimension by, Long department, OffsetDateTime start, OffsetDateTime end, Map<String, long[]> sums) {
        if (!start.isBefore(end)) {
            return;
        }
        String group = switch (by) {
            case DEPARTMENT -> "department_id";
            case MONTH -> "'" + key(YearMonth.from(start.withOffsetSameInstant(ZoneOffset.UTC))) + "'";
            case BRAND -> "brand";
            case MANAGER -> "requester_email";
            case RECIPIENT -> "lower(recipient_email)";
        };
        Query q = em.createNativeQuery("select " + group + " as k, count(*), coalesce(sum(amount), 0) from reward_order"
                + " where status = 'DELIVERED' and created_at >= ?1 and created_at < ?2"
                + (department == null ? "" : " and department_id = ?3") + (by == Dimension.MONTH ? "" : " group by " + group))
                .setParameter(1, start).setParameter(2, end);
        if (department != null) {
            q.setParameter(3, department);
        }
        for (Object r : q.getResultList()) {
            Object[] row = (Object[]) r;
            if (((Number) row[1]).longValue() > 0) {
                add(sums, String.valueOf(row[0]), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
            }
        }
    }

    private static void add(Map<String, long[]> sums, String key, long rewards, long spend) {
        long[] v = sums.computeIfAbsent(key, k -> new long[2]);
        v[0] += rewards;
        v[1] += spend;
    }

    static String key(YearMonth m) {
        return m.toString();
    }

    static String monthLabel(String key) {
        return YearMonth.parse(key).format(MONTH);
    }

    private static int month(YearMonth m) {
        return m.getYear() * 100 + m.getMonthValue();
    }

    private static OffsetDateTime utc(LocalDate d) {
        return d.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime max(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    /** Rows in the order given, keyed for lookups. */
    static Map<String, Row> byKey(List<Row> rows) {
        Map<String, Row> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.key(), r));
        return m;
    }
}
