package dev.accolade.storefront.budgets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the department's policy and budget say of one send, before it is sent: field errors that
 * refuse it, reasons it needs approval, earlier rewards to the same person to warn about, and why the
 * budget cannot cover it (then neither Send nor a request for approval is offered).
 */
public record Verdict(Map<String, String> errors, List<String> approvalReasons, List<RecentReward> recent,
        List<BudgetStatus> budgets, Optional<String> notCovered) {

    public boolean needsApproval() {
        return !approvalReasons.isEmpty();
    }

    /** Whether it can go ahead, sent or asked for. */
    public boolean allowed() {
        return errors.isEmpty() && notCovered.isEmpty();
    }

    public boolean hasRecent() {
        return !recent.isEmpty();
    }
}
