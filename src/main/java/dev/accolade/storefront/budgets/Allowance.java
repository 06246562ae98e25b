package dev.accolade.storefront.budgets;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A manager's share of a department budget: what they may send without approval in its period. */
@Entity
@Table(name = "budget_allowance")
public class Allowance extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "budget_allowance_seq", sequenceName = "budget_allowance_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_allowance_seq")
    public Long id;
    public Long budgetId;
    public Long userId;
    public long amount;
    public long reserved;
    public long settled;

    public long remaining() {
        return Math.max(0, amount - settled - reserved);
    }

    public static Optional<Allowance> of(long budgetId, long userId) {
        return find("budgetId = ?1 and userId = ?2", budgetId, userId).firstResultOptional();
    }

    public static List<Allowance> ofBudget(long budgetId) {
        return list("budgetId = ?1 order by id", budgetId);
    }
}
