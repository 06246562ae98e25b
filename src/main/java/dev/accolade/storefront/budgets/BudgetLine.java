package dev.accolade.storefront.budgets;

/**
 * Budget against actual for one department (manager null) or one of its managers, in cents: the
 * budget (a manager's allowance; 0 when they have none), what was spent (delivered) and what is
 * still reserved (being sent, unknown, or waiting for approval).
 */
public record BudgetLine(String department, String manager, String period, long budget, long spent, long reserved) {

    public long remaining() {
        return Math.max(0, budget - spent - reserved);
    }

    /** Spent as a share of the budget, in whole percent (0 without a budget). */
    public long usedPercent() {
        return budget == 0 ? 0 : spent * 100 / budget;
    }

    public String label() {
        return manager == null ? department : department + " · " + manager;
    }
}
