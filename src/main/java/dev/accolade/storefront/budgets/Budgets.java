package dev.accolade.storefront.budgets;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.mail.Notices;

/**
 * Budgets as HR sets them and pages show them. Setting a budget, changing it in its period, carrying
 * a period's unspent money over and setting an allowance are each an explicit choice with its audit
 * row; a change never takes a budget below what is already reserved or spent (the guarded update
 * decides, as for a send).
 */
@ApplicationScoped
public class Budgets {

    /** A refused change, with the message the page shows. */
    public static class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final AuditTrail audit;
    private final Notices notices;
    private final Clock clock;
    private final int fiscalStartMonth;

    Budgets(AuditTrail audit, Notices notices, Clock clock,
            @ConfigProperty(name = "accolade.budgets.fiscal-year-start-month", defaultValue = "1") int fiscalStartMonth) {
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
        if (fiscalStartMonth < 1 || fiscalStartMonth > 12) {
            throw new IllegalArgumentException("accolade.budgets.fiscal-year-start-month must be 1 to 12, not "
                    + fiscalStartMonth);
        }
        this.fiscalStartMonth = fiscalStartMonth;
    }

    public LocalDate today() {
        return Clocks.utcNow(clock).toLocalDate();
    }

    public int fiscalStartMonth() {
        return fiscalStartMonth;
    }

    /** The department's budget for today, if it has one. */
    public Optional<BudgetStatus> ofDepartment(long departmentId) {
        return Budget.covering(departmentId, today()).map(BudgetStatus::of);
    }

    /** The department's budget and, when the manager has one, their allowance (what pages show a manager). */
    public List<BudgetStatus> forManager(long departmentId, long userId) {
        return standing(departmentId, userId).map(Standing::statuses).orElse(List.of());
    }

    /** The department's budget for today and the manager's allowance in it (null when none), read together. */
    public record Standing(Budget budget, Allowance allowance) {
        public List<BudgetStatus> statuses() {
            return allowance == null ? List.of(BudgetStatus.of(budget))
                    : List.of(BudgetStatus.of(budget), BudgetStatus.of(allowance, budget));
        }
    }

    /** The department's budget for today with the manager's allowance in it, in one read; empty: no budget. */
    public Optional<Standing> standing(long departmentId, long userId) {
        return Budget.getEntityManager().createQuery("select b, a from Budget b left join Allowance a"
                + " on a.budgetId = b.id and a.userId = :user where b.departmentId = :department"
                + " and b.periodStart <= :day and b.periodEnd > :day", Object[].class)
                .setParameter("user", userId).setParameter("department", departmentId).setParameter("day", today())
                .getResultStream().findFirst().map(row -> new Standing((Budget) row[0], (Allowance) row[1]));
    }

    /** What the manager can send today without approval: the lower of budget and allowance; empty: no limit. */
    public Optional<Long> spendable(long departmentId, long userId) {
        return forManager(departmentId, userId).stream().map(BudgetStatus::remaining).min(Long::compare);
    }

    /**
     * Budget against actual for today's budgets: a line per department, then a line per manager who
     * has an allowance or has spent or reserved from it, by department name and manager email.
     */
    @Transactional
    public List<BudgetLine> budgetVsActual() {
        List<BudgetLine> lines = new ArrayList<>();
        List<Object[]> rows = Budget.getEntityManager().createQuery("select b, d.name from Budget b, "
                + "Department d where d.id = b.departmentId and b.periodStart <= :day"
                + " and b.periodEnd > :day order by d.name", Object[].class).setParameter("day", today()).getResultList();
        for (Object[] row : rows) {
            Budget b = (Budget) row[0];
            String department = (String) row[1];
            lines.add(new BudgetLine(department, null, b.label(), b.amount, b.settled, b.reserved));
            List<Object[]> people = Budget.getEntityManager().createQuery("select u.email,"
                    + " coalesce((select a.amount from Allowance a where a.budgetId = :budget and a.userId = u.id), 0),"
                    + " coalesce((select sum(r.amount) from Reservation r where r.budgetId = :budget and r.userId = u.id"
                    + " and r.state = :settled), 0),"
                    + " coalesce((select sum(r.amount) from Reservation r where r.budgetId = :budget and r.userId = u.id"
                    + " and r.state = :reserved), 0)"
                    + " from AppUser u where u.id in (select a.userId from Allowance a"
                    + " where a.budgetId = :budget) or u.id in (select r.userId from Reservation r where r.budgetId = :budget)"
                    + " order by u.email", Object[].class).setParameter("budget", b.id)
                    .setParameter("settled", Reservation.State.SETTLED).setParameter("reserved", Reservation.State.RESERVED)
                    .getResultList();
            for (Object[] p : people) {
                lines.add(new BudgetLine(department, (String) p[0], b.label(), ((Number) p[1]).longValue(),
                        ((Number) p[2]).longValue(), ((Number) p[3]).longValue()));
            }
        }
        return lines;
    }

    /**
     * Sets the department's budget for the current period of the given kind. {@code carryOver}: the
     * unspent remainder of its previous budget is added (and audited as such).
     */
    @Transactional
    public Budget set(long departmentId, String departmentName, BudgetPeriod kind, long amount, boolean carryOver) {
        LocalDate start = kind.startOf(today(), fiscalStartMonth);
        LocalDate end = kind.endOf(start);
        // Two people setting the budget at once: the second waits here, then finds the first one's.
        Budget.lockDepartment(departmentId);
        if (!Budget.overlapping(departmentId, start, end).isEmpty()) {
            throw new Refused(departmentName + " already has a budget for part of " + kind.label(start)
                    + ": change that one instead.");
        }
        long carried = 0;
        if (carryOver) {
            carried = Budget.before(departmentId, start).map(Budget::remaining).orElse(0L);
        }
        Budget b = new Budget();
        b.departmentId = departmentId;
        b.periodKind = kind;
        b.periodStart = start;
        b.periodEnd = end;
        b.amount = Math.addExact(amount, carried);
        b.createdAt = Clocks.utcNow(clock);
        b.persistAndFlush();
        audit.record("BUDGET_SET", "budget " + b.id, "SET", departmentName + ", " + b.label() + ": "
                + Formats.dollars(amount) + (carryOver ? " + " + Formats.dollars(carried) + " carried over" : ""));
        return b;
    }

    /** A change in the period: the new amount applies at once, never below what is spent and reserved. */
    @Transactional
    public void change(long budgetId, long amount) {
        Budget before = Budget.findById(budgetId);
        if (before == null) {
            throw new Refused("That budget does not exist.");
        }
        long old = before.amount;
        int n = Budget.update("amount = ?1 where id = ?2 and settled + reserved <= ?1", amount, budgetId);
        if (n != 1) {
            throw new Refused("The budget cannot be lower than what is already spent and reserved ("
                    + Formats.dollars(before.settled + before.reserved) + ").");
        }
        audit.record("BUDGET_CHANGE", "budget " + budgetId, "CHANGED", before.label() + ": " + Formats.dollars(old)
                + " to " + Formats.dollars(amount) + " in the period");
        if (amount > old) {
            // Raised: if it runs low again, HR hears again (LowBudgetNotices).
            notices.budgetRecovered(budgetId);
        }
    }

    /** Sets a manager's allowance within a budget; never below what they already spent and reserved. */
    @Transactional
    public void allow(long budgetId, long userId, String userEmail, long amount) {
        Budget budget = Budget.findById(budgetId);
        if (budget == null) {
            throw new Refused("That budget does not exist.");
        }
        // Two people setting the same allowance at once: the second waits here, then changes the first one's.
        Budget.lockDepartment(budget.departmentId);
        if (amount > budget.amount) {
            throw new Refused("An allowance cannot be larger than the budget (" + Formats.dollars(budget.amount) + ").");
        }
        Optional<Allowance> existing = Allowance.of(budgetId, userId);
        if (existing.isPresent()) {
            int n = Allowance.update("amount = ?1 where id = ?2 and settled + reserved <= ?1", amount, existing.get().id);
            if (n != 1) {
                throw new Refused("The allowance cannot be lower than what this manager already spent and reserved.");
            }
        } else {
            Allowance a = new Allowance();
            a.budgetId = budgetId;
            a.userId = userId;
            a.amount = amount;
            a.persistAndFlush();
        }
        audit.record("BUDGET_ALLOWANCE", "budget " + budgetId, "SET", userEmail + ": " + Formats.dollars(amount));
    }
}
