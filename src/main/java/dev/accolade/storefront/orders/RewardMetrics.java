package dev.accolade.storefront.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counter {@code accolade.rewards} (Prometheus {@code accolade_rewards_total}), tagged
 * {@code department} and {@code outcome}: {@code sent} (an order became DELIVERED), {@code failed}
 * (became FAILED) and {@code unknown} (became UNKNOWN; it is counted again as sent or failed when the
 * reconciler settles it) and {@code held} (an unattended send waiting for RaaS; counted again when it
 * goes out or fails). Each change of an order's state is a conditional update that succeeds on
 * exactly one replica, and the counter moves only once its transaction committed, so the sum over
 * replicas is exact: {@code sum by (department, outcome) (increase(accolade_rewards_total[1h]))}.
 * Counters rather than gauges computed from the database on each scrape, which every replica would
 * report alike (double counted when summed) at the price of a query per scrape.
 */
@ApplicationScoped
class RewardMetrics {

    /** An order's new outcome, counted after its transaction commits. */
    record Outcome(String department, String outcome) {
    }

    private final MeterRegistry registry;
    private final Event<Outcome> outcomes;

    RewardMetrics(MeterRegistry registry, Event<Outcome> outcomes) {
        this.registry = registry;
        this.outcomes = outcomes;
    }

    /**
     * Within the transaction that changed the order: counts it once that transaction commits.
     *
     * @param department the department's name, or null to read it
     */
    void changed(long departmentId, String department, RewardOrder.Status status) {
        if (department == null) {
            department = RewardOrder.getEntityManager()
                    .createQuery("select d.name from Department d where d.id = :id", String.class)
                    .setParameter("id", departmentId).getResultList().stream().findFirst().orElse("unknown");
        }
        String outcome = switch (status) {
            case DELIVERED -> "sent";
            case FAILED -> "failed";
            case UNKNOWN -> "unknown";
            case HELD -> "held";
            case PENDING -> null;
        };
        if (outcome != null) {
            outcomes.fire(new Outcome(department, outcome));
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outcome o) {
        Counter.builder("accolade.rewards")
                .description("Reward orders reaching an outcome, by department and outcome")
                .tag("department", o.department())
                .tag("outcome", o.outcome())
                .register(registry)
                .increment();
    }
}
