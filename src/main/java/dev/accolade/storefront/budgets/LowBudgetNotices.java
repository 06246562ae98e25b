package dev.accolade.storefront.budgets;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.mail.Notices;

/**
 * Once a day ({@code accolade.budgets.low-budget-cron}), looks at every department's budget for the
 * current period and tells HR and the administrators about each one with less than
 * {@code accolade.budgets.low-budget-percent} per cent of it left: once per crossing, as the
 * low-balance notice does. The notice is latched per budget until the budget is raised ({@link
 * Budgets#change}) or found over the mark again; a new period's budget is told about afresh.
 */
@ApplicationScoped
public class LowBudgetNotices {

    private static final Logger LOG = Logger.getLogger(LowBudgetNotices.class);
    static final Actor ACTOR = Actor.system("system:low-budget");

    private final Notices notices;
    private final Actors actors;
    private final Clock clock;
    private final int percent;

    LowBudgetNotices(Notices notices, Actors actors, Clock clock,
            @ConfigProperty(name = "accolade.budgets.low-budget-percent", defaultValue = "10") int percent) {
        if (percent < 1 || percent > 99) {
            throw new IllegalArgumentException("accolade.budgets.low-budget-percent must be 1 to 99, not " + percent);
        }
        this.notices = notices;
        this.actors = actors;
        this.clock = clock;
        this.percent = percent;
    }

    @Scheduled(identity = "low-budget-notices", cron = "${accolade.budgets.low-budget-cron:0 0 7 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int written = check();
        if (written > 0) {
            LOG.infof("Low-budget notices: %d written", written);
        }
    }

    /** One check of every current budget; returns how many messages it wrote. */
    public int check() {
        return actors.runAs(ACTOR, () -> {
            var budgets = QuarkusTransaction.requiringNew().call(() -> Budget.current(Clocks.utcNow(clock).toLocalDate()));
            int written = 0;
            for (Budget b : budgets) {
                if (low(b)) {
                    written += QuarkusTransaction.requiringNew().call(() -> {
                        Department d = Department.findById(b.departmentId);
                        return notices.lowBudget(new Notices.BudgetLeft(b.id, b.departmentId, d.name, b.label(), b.amount,
                                b.remaining(), percent));
                    });
                } else {
                    QuarkusTransaction.requiringNew().run(() -> notices.budgetRecovered(b.id));
                }
            }
            return written;
        });
    }

    /** Less than the mark left of a budget that has money at all (exact in cents: no rounding). */
    boolean low(Budget b) {
        return b.amount > 0 && b.remaining() * 100 < b.amount * percent;
    }
}
