package dev.accolade.storefront.budgets;

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

        Optional<Budgets.Standing> standing = budgets.standing(departmentId, userId);
        SpendingPolicy.Findings found = policy.judge(amount, request.reward().variablePrice(),
                request.recipientEmail(), request.employeeId() != null, request.message(), request.from(),
                policy.fromChoices(sender, departmentName),
                () -> totals.since(departmentId, request.recipientEmail(), standing.map(b -> b.budget().periodStart)
                        .orElse(BudgetPeriod.MONTH.startOf(budgets.today(), 1))));
        found.refusals().forEach(r -> errors.putIfAbsent(r.field(), r.message()));
        found.approvals().forEach(a -> approval.add(a.sentence()));
        List<BudgetStatus> statuses = standing.map(Budgets.Standing::statuses).orElse(List.of());
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

}
