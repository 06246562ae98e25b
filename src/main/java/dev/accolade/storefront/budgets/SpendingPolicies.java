package dev.accolade.storefront.budgets;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.RecipientTotals;
import dev.accolade.storefront.orders.RewardOrder;

/**
 * Applies a department's spending policy to a send. Hard rules refuse it with a message on the field
 * (the maximum per reward, a recipient the policy does not allow, a missing required message, a "From"
 * the policy does not allow); soft rules send it to approval (above the approval threshold, an
 * external recipient, over the per-recipient maximum, over the manager's allowance); the budget
 * refuses what it cannot cover. The same check runs at the review and at the send. The per-recipient
 * maximum reads the recipient's running totals ({@link RecipientTotals}), which count the same orders
 * as {@link #COUNTED}.
 */
@ApplicationScoped
public class SpendingPolicies {

    private static final List<RewardOrder.Status> COUNTED = List.of(RewardOrder.Status.PENDING,
            RewardOrder.Status.DELIVERED, RewardOrder.Status.UNKNOWN, RewardOrder.Status.HELD);

    private final Budgets budgets;
    private final RecipientTotals totals;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    SpendingPolicies(Budgets budgets, RecipientTotals totals, AuditTrail audit, java.time.Clock clock) {
        this.budgets = budgets;
        this.totals = totals;
        this.audit = audit;
        this.clock = clock;
    }

    public SpendingPolicy of(long departmentId) {
        return SpendingPolicy.of(departmentId);
    }

    /**
     * The policy's verdict on a validated request of this manager (reads only). {@code forReview}: also
     * the manager's recent rewards to the same person, which the review page warns about; the send
     * itself does not need them.
     */
    public Verdict check(OrderRequest request, long departmentId, String departmentName, long userId, String sender,
            boolean forReview) {
        SpendingPolicy policy = SpendingPolicy.of(departmentId);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> approval = new ArrayList<>();
        long amount = request.amount();

        if (policy.maxPerReward != null && amount > policy.maxPerReward) {
            errors.put(request.reward().variablePrice() ? "amount" : "sku", "Your department's policy allows at most "
                    + Formats.dollars(policy.maxPerReward) + " per reward.");
        }
        boolean inDirectory = request.employeeId() != null;
        if (!inDirectory) {
            String domain = domainOf(request.recipientEmail());
            switch (policy.recipients) {
                case DIRECTORY -> errors.put("recipientEmail",
                        "Your department's policy allows rewards to people in its directory only.");
                case DOMAINS -> {
                    if (policy.domains().contains(domain)) {
                        approval.add("The recipient is outside the directory (" + domain + ").");
                    } else {
                        errors.put("recipientEmail", "Your department's policy allows rewards to the directory and to "
                                + String.join(", ", policy.domains()) + " only.");
                    }
                }
                case ANYONE -> {
                    if (policy.stored()) {
                        approval.add("The recipient is outside the directory.");
                    }
                }
            }
        }
        if (policy.messageRequired && (request.message() == null || request.message().isBlank())) {
            errors.put("message", "Your department's policy asks for a message with every reward.");
        }
        List<String> froms = policy.fromChoices(sender, departmentName);
        if (!froms.isEmpty() && froms.stream().noneMatch(f -> f.equalsIgnoreCase(request.from()))) {
            errors.put("from", "Your department's policy signs rewards as " + String.join(" or ", froms) + ".");
        }
        if (policy.approvalThreshold != null && amount > policy.approvalThreshold) {
            approval.add("It is above " + Formats.dollars(policy.approvalThreshold) + ", the amount that needs approval.");
        }

        Optional<Budgets.Standing> standing = budgets.standing(departmentId, userId);
        List<BudgetStatus> statuses = standing.map(Budgets.Standing::statuses).orElse(List.of());
        if (policy.maxPerRecipient != null) {
            LocalDate from = standing.map(b -> b.budget().periodStart)
                    .orElse(BudgetPeriod.MONTH.startOf(budgets.today(), 1));
            long already = totals.since(departmentId, request.recipientEmail(), from);
            if (already + amount > policy.maxPerRecipient) {
                approval.add("The recipient would get " + Formats.dollars(already + amount) + " this period, over the "
                        + Formats.dollars(policy.maxPerRecipient) + " per person.");
            }
        }
        Optional<String> notCovered = Optional.empty();
        if (!statuses.isEmpty()) {
            BudgetStatus department = statuses.get(0);
            if (!department.covers(amount)) {
                notCovered = Optional.of("Your department's budget for " + department.period() + " has "
                        + Formats.dollars(department.remaining()) + " left, less than this reward.");
            } else if (statuses.size() > 1 && !statuses.get(1).covers(amount)) {
                approval.add("It is over your allowance (" + Formats.dollars(statuses.get(1).remaining()) + " left).");
            }
        }
        List<RecentReward> recent = forReview ? recent(policy, userId, request.recipientEmail()) : List.of();
        return new Verdict(errors, approval, recent, statuses, notCovered);
    }

    /** The manager's rewards to the same address in the policy's last N days, newest first. */
    List<RecentReward> recent(SpendingPolicy policy, long userId, String email) {
        if (policy.recentDays <= 0) {
            return List.of();
        }
        OffsetDateTime since = Clocks.utcNow(clock).minusDays(policy.recentDays);
        List<RewardOrder> orders = RewardOrder.find("requesterId = ?1 and recipientKey = ?2 and createdAt >= ?3"
                + " and status in ?4 order by createdAt desc", userId, email.toLowerCase(Locale.ROOT), since, COUNTED)
                .page(0, 5).list();
        return orders.stream().map(o -> new RecentReward(o.id, o.createdAt, o.rewardDescription, o.amount,
                o.status.label())).toList();
    }

    /** Saves the department's policy, audited with what it now says. */
    @Transactional
    public void save(SpendingPolicy changed, String departmentName) {
        // Two people saving a first policy at once: the second waits here, then changes the first one's.
        Budget.lockDepartment(changed.departmentId);
        SpendingPolicy p = SpendingPolicy.findById(changed.departmentId);
        boolean created = p == null;
        if (created) {
            p = new SpendingPolicy();
            p.departmentId = changed.departmentId;
        }
        p.maxPerReward = changed.maxPerReward;
        p.maxPerRecipient = changed.maxPerRecipient;
        p.approvalThreshold = changed.approvalThreshold;
        p.recipients = changed.recipients;
        p.allowedDomains = changed.allowedDomains == null ? null : String.join(",", changed.domains());
        p.messageRequired = changed.messageRequired;
        p.recentDays = changed.recentDays;
        p.fromRule = changed.fromRule;
        p.updatedAt = Clocks.utcNow(clock);
        if (created) {
            p.persist();
        }
        audit.record("POLICY_SET", "department " + changed.departmentId, created ? "CREATED" : "CHANGED",
                departmentName + ": " + p.describe());
    }

    private static String domainOf(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
