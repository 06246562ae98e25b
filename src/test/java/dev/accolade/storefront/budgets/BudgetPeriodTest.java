package dev.accolade.storefront.budgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Periods of the fiscal calendar, for a fiscal year starting in January and in October. */
class BudgetPeriodTest {

    @Test
    void aCalendarYear() {
        LocalDate day = LocalDate.of(2026, 12, 2);
        assertEquals(LocalDate.of(2026, 12, 1), BudgetPeriod.MONTH.startOf(day, 1));
        assertEquals(LocalDate.of(2026, 10, 1), BudgetPeriod.QUARTER.startOf(day, 1));
        assertEquals(LocalDate.of(2026, 1, 1), BudgetPeriod.YEAR.startOf(day, 1));
        assertEquals(LocalDate.of(2027, 1, 1), BudgetPeriod.QUARTER.endOf(LocalDate.of(2026, 10, 1)));
    }

    @Test
    void aFiscalYearFromOctober() {
        assertEquals(LocalDate.of(2025, 10, 1), BudgetPeriod.YEAR.startOf(LocalDate.of(2026, 9, 30), 10));
        assertEquals(LocalDate.of(2026, 10, 1), BudgetPeriod.YEAR.startOf(LocalDate.of(2026, 10, 1), 10));
        assertEquals(LocalDate.of(2026, 7, 1), BudgetPeriod.QUARTER.startOf(LocalDate.of(2026, 9, 30), 10));
        assertEquals(LocalDate.of(2026, 1, 1), BudgetPeriod.QUARTER.startOf(LocalDate.of(2026, 2, 28), 10));
        assertEquals(LocalDate.of(2025, 10, 1), BudgetPeriod.QUARTER.startOf(LocalDate.of(2025, 12, 31), 10));
        assertEquals(LocalDate.of(2027, 10, 1), BudgetPeriod.YEAR.endOf(LocalDate.of(2026, 10, 1)));
    }

    @Test
    void aFiscalYearFromFebruaryHasQuartersFromFebruary() {
        assertEquals(LocalDate.of(2026, 11, 1), BudgetPeriod.QUARTER.startOf(LocalDate.of(2027, 1, 15), 2));
        assertEquals(LocalDate.of(2026, 2, 1), BudgetPeriod.YEAR.startOf(LocalDate.of(2027, 1, 15), 2));
    }

    @Test
    void budgetStatusNeverShowsMoreThanTheWholeBar() {
        BudgetStatus s = new BudgetStatus("Department", "December 2026", 1000, 700, 400);
        assertEquals(0, s.remaining());
        assertEquals(70, s.spentPercent());
        assertEquals(30, s.reservedPercent());
        assertEquals(false, s.covers(1));
    }
}
