package dev.accolade.storefront.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The period (whole UTC days, both ends included) and the department a report covers, read from a
 * page's query string, and the day it was read ({@code today}, the last day a period can cover). Bad
 * input never fails the page: it is replaced by the default and explained.
 * A period lies between {@link #FIRST_DAY} and today: a date outside is moved to the nearer end, which
 * also bounds the report by month to a row a month since 2000.
 */
public record ReportFilter(LocalDate from, LocalDate to, Long departmentId, List<String> problems, LocalDate today) {

    /** The first day a report can cover. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    /** Parses the query; {@code today} gives the default period (the last twelve months) and the last day. */
    public static ReportFilter parse(String from, String to, String department, LocalDate today) {
        List<String> problems = new ArrayList<>();
        LocalDate defaultFrom = today.withDayOfMonth(1).minusMonths(11);
        LocalDate f = date(from, "start date", defaultFrom, today, problems);
        LocalDate t = date(to, "end date", today, today, problems);
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
        return new ReportFilter(f, t, d, List.copyOf(problems), today);
    }

    private static LocalDate date(String s, String what, LocalDate fallback, LocalDate today, List<String> problems) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            problems.add("The " + what + " is not a date like 2025-01-31: " + fallback + " is used instead.");
            return fallback;
        }
        if (d.isBefore(FIRST_DAY)) {
            problems.add("The " + what + " is before " + FIRST_DAY + ", the first day a report covers: " + FIRST_DAY
                    + " is used instead.");
            return FIRST_DAY;
        }
        if (d.isAfter(today)) {
            problems.add("The " + what + " is in the future: a report covers days up to today, so today (" + today
                    + ") is used instead.");
            return today;
        }
        return d;
    }

    public ReportFilter withoutDepartment(String why) {
        List<String> p = new ArrayList<>(problems);
        p.add(why);
        return new ReportFilter(from, to, null, List.copyOf(p), today);
    }

    /** The first day a report can cover, for the date fields' lower bound (their upper one is {@link #today}). */
    public LocalDate firstDay() {
        return FIRST_DAY;
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
