package dev.accolade.storefront.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The period (whole UTC days, both ends included) and the department a report covers, read from a
 * page's query string. Bad input never fails the page: it is replaced by the default and explained.
 */
public record ReportFilter(LocalDate from, LocalDate to, Long departmentId, List<String> problems) {

    /** Parses the query; {@code today} gives the default period (the last twelve months). */
    public static ReportFilter parse(String from, String to, String department, LocalDate today) {
        List<String> problems = new ArrayList<>();
        LocalDate defaultFrom = today.withDayOfMonth(1).minusMonths(11);
        LocalDate f = date(from, "start date", defaultFrom, problems);
        LocalDate t = date(to, "end date", today, problems);
        if (f.isAfter(t)) {
            problems.add("The start date is after the end date: the last twelve months are shown instead.");
            f = defaultFrom;
            t = today;
        }
        Long d = null;
        if (department != null && !department.isBlank()) {
            try {
                d = Long.parseLong(department.trim());
            } catch (NumberFormatException e) {
                problems.add("There is no such department: every department is shown.");
            }
        }
        return new ReportFilter(f, t, d, List.copyOf(problems));
    }

    private static LocalDate date(String s, String what, LocalDate fallback, List<String> problems) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            LocalDate d = LocalDate.parse(s.trim());
            if (d.getYear() < 2000 || d.getYear() > 2999) {
                throw new DateTimeParseException("out of range", s, 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add("The " + what + " is not a date like 2025-01-31: " + fallback + " is used instead.");
            return fallback;
        }
    }

    public ReportFilter withoutDepartment(String why) {
        List<String> p = new ArrayList<>(problems);
        p.add(why);
        return new ReportFilter(from, to, null, List.copyOf(p));
    }

    /** The first instant of the period. */
    public OffsetDateTime start() {
        return from.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The first instant after the period. */
    public OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The query string that reproduces this filter (without the report). */
    public String query() {
        return "from=" + from + "&to=" + to + "&department=" + (departmentId == null ? "" : departmentId);
    }
}
