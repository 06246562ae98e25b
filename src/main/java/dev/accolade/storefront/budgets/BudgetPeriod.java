package dev.accolade.storefront.budgets;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The length of a budget's period, on the fiscal calendar: a fiscal year starts on the first day of
 * {@code accolade.budgets.fiscal-year-start-month}, its quarters are three months from there.
 */
public enum BudgetPeriod {
    MONTH, QUARTER, YEAR;

    /** The first day of the period of this kind that holds {@code day}. */
    public LocalDate startOf(LocalDate day, int fiscalStartMonth) {
        LocalDate month = day.withDayOfMonth(1);
        if (this == MONTH) {
            return month;
        }
        int intoYear = Math.floorMod(day.getMonthValue() - fiscalStartMonth, 12);
        LocalDate yearStart = month.minusMonths(intoYear);
        return this == YEAR ? yearStart : yearStart.plusMonths(intoYear - intoYear % 3);
    }

    /** The first day after the period that starts on {@code start}. */
    public LocalDate endOf(LocalDate start) {
        return switch (this) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /** The period as people name it: "December 2026", "Quarter from Oct 2026", "Fiscal year from Jan 2026". */
    public String label(LocalDate start) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
        DateTimeFormatter shortMonth = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
        return switch (this) {
            case MONTH -> start.format(month);
            case QUARTER -> "Quarter " + start.format(shortMonth) + " – " + endOf(start).minusDays(1).format(shortMonth);
            case YEAR -> "Fiscal year " + start.format(shortMonth) + " – " + endOf(start).minusDays(1).format(shortMonth);
        };
    }

    /** How the kind reads in a form. */
    public String word() {
        return switch (this) {
            case MONTH -> "Month";
            case QUARTER -> "Quarter";
            case YEAR -> "Year";
        };
    }
}
