package dev.accolade.storefront.reports;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One comparison of local orders with RaaS's orders over a period, and its counts. */
@Entity
@Table(name = "reconciliation_run")
public class ReconciliationRun extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "reconciliation_run_seq", sequenceName = "reconciliation_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reconciliation_run_seq")
    public Long id;
    /** MANUAL or NIGHTLY. */
    public String triggerKind;
    public String requestedBy;
    public OffsetDateTime periodStart;
    /** The first instant after the period. */
    public OffsetDateTime periodEnd;
    public OffsetDateTime startedAt;
    public OffsetDateTime finishedAt;
    /** RUNNING, COMPLETE or FAILED. */
    public String status;
    public int accounts;
    public int raasOrders;
    public int localOrders;
    public int matched;
    public int raasOnly;
    public int localOnly;
    public int differing;
    public String error;

    public int getDiscrepancies() {
        return raasOnly + localOnly + differing;
    }

    /** The last day of the period. */
    public java.time.LocalDate getLastDay() {
        return periodEnd.minusDays(1).toLocalDate();
    }

    public static Optional<ReconciliationRun> latestComplete() {
        return find("status = 'COMPLETE' order by startedAt desc, id desc").firstResultOptional();
    }
}
