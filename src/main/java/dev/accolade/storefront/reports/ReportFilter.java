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

    /**
     * Parses the query; {@code today} gives the default period (the last twelve months) and the last day.
     * Whatever is wrong with the dates is said in one warning that names the period actually shown.
     */
    public static ReportFilter parse(String from, String to, String department, LocalDate today) {
        List<String> problems = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        LocalDate defaultFrom = today.withDayOfMonth(1).minusMonths(11);
        LocalDate f = date(from, "start date", defaultFrom, today, wrong);
        LocalDate t = date(to, "end date", today, today, wrong);
        boolean lastTwelveMonths = false;
        if (f.isAfter(t)) {
            if (wrong.isEmpty()) {
                wrong.add("the start date is after the end date");
            }
            f = defaultFrom;
            t = today;
            lastTwelveMonths = true;
        }
        if (!wrong.isEmpty()) {
            String all = wrong.size() == 1 ? wrong.get(0)
                    : String.join(", ", wrong.subList(0, wrong.size() - 1)) + " and " + wrong.get(wrong.size() - 1);
            problems.add(Character.toUpperCase(all.charAt(0)) + all.substring(1) + ". Shown instead: " + f + " to " + t
                    + (lastTwelveMonths ? ", the last twelve months." : "."));
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

    /** The date, or the nearest one a report can cover, saying in {@code wrong} why it was not taken as it is. */
    private static LocalDate date(String s, String what, LocalDate fallback, LocalDate today, List<String> wrong) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            wrong.add("the " + what + " is not a date like 2025-01-31");
            return fallback;
        }
        if (d.isBefore(FIRST_DAY)) {
            wrong.add("the " + what + " is before " + FIRST_DAY + ", the first day a report covers");
            return FIRST_DAY;
        }
        if (d.isAfter(today)) {
            wrong.add("the " + what + " is in the future (a report covers days up to today)");
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
