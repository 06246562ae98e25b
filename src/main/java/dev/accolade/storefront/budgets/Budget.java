package dev.accolade.storefront.budgets;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.accolade.storefront.directory.Department;

/**
 * A department's recognition budget for one period. Its money fields change only through {@link
 * BudgetLedger}'s guarded statements; remaining = amount − settled − reserved, never below zero.
 */
@Entity
@Table(name = "budget")
public class Budget extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "budget_seq", sequenceName = "budget_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_seq")
    public Long id;
    public Long departmentId;
    @Enumerated(EnumType.STRING)
    public BudgetPeriod periodKind;
    public LocalDate periodStart;
    /** The first day after the period. */
    public LocalDate periodEnd;
    public long amount;
    public long reserved;
    public long settled;
    public OffsetDateTime createdAt;

    public long remaining() {
        return Math.max(0, amount - settled - reserved);
    }

    public String label() {
        return periodKind.label(periodStart);
    }

    /** The department's budget whose period holds the day, if it has one. */
    public static Optional<Budget> covering(long departmentId, LocalDate day) {
        return find("departmentId = ?1 and periodStart <= ?2 and periodEnd > ?2", departmentId, day)
                .firstResultOptional();
    }

    /** The department's budgets whose periods overlap [start, end). */
    static List<Budget> overlapping(long departmentId, LocalDate start, LocalDate end) {
        return list("departmentId = ?1 and periodStart < ?3 and periodEnd > ?2", departmentId, start, end);
    }

    /** The department's budget that ended last before the day, if any. */
    static Optional<Budget> before(long departmentId, LocalDate day) {
        return find("departmentId = ?1 and periodEnd <= ?2 order by periodEnd desc", departmentId, day)
                .firstResultOptional();
    }

    /**
     * Locks the department's row until the transaction ends, so that changes to its budgets, allowances,
     * approvers and policy made at the same moment by several people (on several replicas) run one after
     * the other: each then sees what the one before it stored, instead of inserting the same row twice.
     */
    static void lockDepartment(long departmentId) {
        getEntityManager().find(Department.class, departmentId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every department's budget whose period holds the day. */
    public static List<Budget> current(LocalDate day) {
        return list("periodStart <= ?1 and periodEnd > ?1", day);
    }
}
