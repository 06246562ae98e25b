package dev.accolade.storefront.reports;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarkus.panache.common.Parameters;

import dev.accolade.common.Formats;
import dev.accolade.common.Like;

/**
 * The audit viewer's filter: actor (part of the email), action (its beginning), outcome (the whole
 * word), each in any case, and a period of whole UTC days. Bad dates, and a period that ends before
 * it starts, are dropped and explained, never a failure.
 */
public record AuditQuery(String actor, String action, String outcome, LocalDate from, LocalDate to,
        List<String> problems, String target) {

    /** The last day a period may name: later dates have no next day to end the period at in every database. */
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

    public static AuditQuery parse(String actor, String action, String outcome, String from, String to) {
        return parse(actor, action, outcome, from, to, null);
    }

    /** The same, with what the rows are about ({@code target}, the whole of it, as "order 123"). */
    public static AuditQuery parse(String actor, String action, String outcome, String from, String to,
            String target) {
        List<String> problems = new ArrayList<>();
        LocalDate f = date(from, "start date", problems);
        LocalDate t = date(to, "end date", problems);
        if (f != null && t != null && f.isAfter(t)) {
            problems.add("The start date is after the end date: the period was ignored and rows of every date are shown.");
            f = null;
            t = null;
        }
        return new AuditQuery(clean(actor), clean(action), clean(outcome), f, t, List.copyOf(problems), clean(target));
    }

    /** The JPQL condition and its parameters (never empty: {@code 1 = 1} matches everything). */
    String where(Parameters p) {
        StringBuilder w = new StringBuilder("1 = 1");
        if (!actor.isEmpty()) {
            w.append(" and lower(actor) like :actor escape '\\'");
            p.and("actor", "%" + like(actor).toLowerCase(Locale.ROOT) + "%");
        }
        if (!action.isEmpty()) {
            // Actions are in capitals (SEND_ATTEMPT) or in lower case (audit.verify).
            w.append(" and lower(action) like :action escape '\\'");
            p.and("action", like(action).toLowerCase(Locale.ROOT) + "%");
        }
        if (!outcome.isEmpty()) {
            // Every outcome is recorded in capitals (SUCCESS, FAILED, ...): comparing with the typed
            // word in capitals is case-insensitive and keeps the outcome index usable.
            w.append(" and outcome = :outcome");
            p.and("outcome", outcome.toUpperCase(Locale.ROOT));
        }
        if (!target.isEmpty()) {
            w.append(" and target = :target");
            p.and("target", target);
        }
        if (from != null) {
            w.append(" and occurredAt >= :from");
            p.and("from", from.atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            w.append(" and occurredAt < :to");
            p.and("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return w.toString();
    }

    /** The query string that reproduces this filter. */
    public String query() {
        return "actor=" + Formats.urlEncoded(actor) + "&action=" + Formats.urlEncoded(action) + "&outcome=" + Formats.urlEncoded(outcome) + "&from="
                + (from == null ? "" : from) + "&to=" + (to == null ? "" : to)
                + (target.isEmpty() ? "" : "&target=" + Formats.urlEncoded(target));
    }


    /** The reward order the filter is about ({@code target=order 123}), to link to; null otherwise. */
    public Long targetOrder() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("order (\\d{1,18})").matcher(target);
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    private static String like(String s) {
        return Like.escape(s);
    }

    private static String clean(String s) {
        return s == null ? "" : s.trim().length() > 255 ? s.trim().substring(0, 255) : s.trim();
    }

    private static LocalDate date(String s, String what, List<String> problems) {
        if (s == null || s.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            problems.add("The " + what + " is not a date like 2025-01-31 and was ignored.");
            return null;
        }
        if (d.isBefore(ReportFilter.FIRST_DAY) || d.isAfter(LAST_DAY)) {
            problems.add("The " + what + " is not between " + ReportFilter.FIRST_DAY + " and " + LAST_DAY
                    + " and was ignored.");
            return null;
        }
        return d;
    }
}
