package dev.accolade.storefront.budgets;

/**
 * A budget's figures as a page shows them (cents): the department's, or a manager's allowance. The
 * percentages are for the bar, spent and reserved side by side, rounded so they never add past 100.
 */
public record BudgetStatus(String who, String period, long amount, long spent, long reserved) {

    public long remaining() {
        return Math.max(0, amount - spent - reserved);
    }

    public int spentPercent() {
        return amount == 0 ? 0 : (int) Math.min(100, spent * 100 / amount);
    }

    public int reservedPercent() {
        return amount == 0 ? 0 : (int) Math.min(100 - spentPercent(), reserved * 100 / amount);
    }

    public boolean covers(long cents) {
        return remaining() >= cents;
    }

    static BudgetStatus of(Budget b) {
        return new BudgetStatus("Department", b.label(), b.amount, b.settled, b.reserved);
    }

    static BudgetStatus of(Allowance a, Budget b) {
        return new BudgetStatus("Your allowance", b.label(), a.amount, a.settled, a.reserved);
    }
}
