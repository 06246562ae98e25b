package dev.accolade.storefront.schedule;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.budgets.BudgetLedger;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.NotCovered;
import dev.accolade.storefront.orders.OrderPlacement;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.orders.RewardOrder;

/**
 * Places scheduled sends at their time, as {@code system:scheduled-sends}, through Quartz's clustered
 * store (one replica per run). Whatever runs it, a send is placed once: it is claimed by a conditional
 * update (SCHEDULED to PLACING where its time has come) that one caller wins, and its order is placed
 * under the send's own token through {@link OrderPlacement}, which takes the budget reservation over.
 * After an outage a send whose time passed goes out at the first run, unless it is later than
 * {@code accolade.schedule.max-lateness}: then it waits, OVERDUE, for the manager's decision. A claim
 * whose replica stopped before it recorded the order is finished by a later run (the token makes the
 * order once).
 */
@ApplicationScoped
public class DueSends {

    private static final Logger LOG = Logger.getLogger(DueSends.class);
    static final Actor ACTOR = Actor.system("system:scheduled-sends");

    /** What one run did. */
    public record Run(int placed, int overdue, int failed) {
    }

    private final ScheduledSends sends;
    private final OrderPlacement placement;
    private final CatalogCache catalog;
    private final BudgetLedger budgets;
    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;

    DueSends(ScheduledSends sends, OrderPlacement placement, CatalogCache catalog, BudgetLedger budgets,
            AuditTrail audit, Actors actors, Clock clock) {
        this.sends = sends;
        this.placement = placement;
        this.catalog = catalog;
        this.budgets = budgets;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @Scheduled(identity = "scheduled-sends", every = "${accolade.schedule.check-every:30s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Run run = run();
        if (run.placed() + run.overdue() + run.failed() > 0) {
            LOG.infof("Scheduled sends: %d placed, %d missed their time, %d not sent", run.placed(), run.overdue(),
                    run.failed());
        }
    }

    /** One run at the clock's time. */
    public Run run() {
        return runAt(Clocks.utcNow(clock));
    }

    /** One run as at {@code now} (the clock's time; tests give the time of the world they build). */
    public Run runAt(OffsetDateTime now) {
        return actors.runAs(ACTOR, () -> pass(now));
    }

    private Run pass(OffsetDateTime now) {
        int placed = 0;
        int overdue = 0;
        int failed = 0;
        OffsetDateTime latest = now.minus(sends.maxLateness());
        List<ScheduledSend> due = QuarkusTransaction.requiringNew().call(() -> ScheduledSend.due(now, 200));
        for (ScheduledSend s : due) {
            if (s.dueAt.isBefore(latest)) {
                overdue += markOverdue(s, now) ? 1 : 0;
                continue;
            }
            if (!claim(s, ScheduledSend.State.SCHEDULED, now)) {
                continue; // another replica (or the manager) got there first
            }
            if (place(s.id, now)) {
                placed++;
            } else {
                failed++;
            }
        }
        // Claims left behind by a replica that stopped mid-way: the token makes their order once.
        List<ScheduledSend> stuck = QuarkusTransaction.requiringNew().call(() -> ScheduledSend.stuck(now.minusMinutes(2), 50));
        for (ScheduledSend s : stuck) {
            if (place(s.id, now)) {
                placed++;
            }
        }
        return new Run(placed, overdue, failed);
    }

    /** The manager's decision on a missed send: send it now (once, as the job would). */
    public boolean sendNow(ScheduledSend s) {
        OffsetDateTime now = Clocks.utcNow(clock);
        if (!claim(s, ScheduledSend.State.OVERDUE, now)) {
            return false;
        }
        place(s.id, now);
        return true;
    }

    /** SCHEDULED (whose time has come) or OVERDUE (the manager said send) to PLACING: one caller wins. */
    private boolean claim(ScheduledSend s, ScheduledSend.State from, OffsetDateTime now) {
        return QuarkusTransaction.requiringNew().call(() -> from == ScheduledSend.State.SCHEDULED
                ? ScheduledSend.update("state = ?1, claimedAt = ?2 where id = ?3 and state = ?4 and dueAt <= ?5",
                        ScheduledSend.State.PLACING, now, s.id, from, now) == 1
                : ScheduledSend.update("state = ?1, claimedAt = ?2 where id = ?3 and state = ?4",
                        ScheduledSend.State.PLACING, now, s.id, from) == 1);
    }

    private boolean markOverdue(ScheduledSend s, OffsetDateTime now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int n = ScheduledSend.update("state = ?1 where id = ?2 and state = ?3", ScheduledSend.State.OVERDUE, s.id,
                    ScheduledSend.State.SCHEDULED);
            if (n == 1) {
                audit.record("SCHEDULE_OVERDUE", "scheduled " + s.id, "OVERDUE", "due " + s.when() + ", not sent by "
                        + SendTime.display(now, s.timeZone) + " (later than " + sends.maxLateness()
                        + "): waits for the manager's decision");
            }
            return n == 1;
        });
    }

    /** Places a claimed send's order under its token; true when an order was placed (or found). */
    private boolean place(long id, OffsetDateTime now) {
        ScheduledSend s = QuarkusTransaction.requiringNew().call(() -> ScheduledSend.<ScheduledSend> findById(id));
        if (s == null || s.state != ScheduledSend.State.PLACING) {
            return false;
        }
        Optional<OrderRequest> request = orderOf(s);
        if (request.isEmpty()) {
            return fail(s, now, "The reward is no longer in the catalog or available, so it was not sent.");
        }
        Department department = QuarkusTransaction.requiringNew().call(() -> Department.<Department> findById(s.departmentId));
        RewardOrder order;
        try {
            order = placement.placeUnattended(request.get(), new Requester(s.requesterId, s.requesterEmail,
                    department.ref())).order();
        } catch (NotCovered e) {
            return fail(s, now, "Not sent: " + e.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            int n = ScheduledSend.update("state = ?1, orderId = ?2, closedAt = ?3 where id = ?4 and state = ?5",
                    ScheduledSend.State.PLACED, order.id, now, s.id, ScheduledSend.State.PLACING);
            if (n == 1) {
                audit.record("SCHEDULE_PLACED", "scheduled " + s.id, "PLACED", "order " + order.id + " ("
                        + order.status.label().toLowerCase() + "), due " + s.when());
            }
        });
        return true;
    }

    private boolean fail(ScheduledSend s, OffsetDateTime now, String why) {
        QuarkusTransaction.requiringNew().run(() -> {
            int n = ScheduledSend.update("state = ?1, closedAt = ?2, note = ?3 where id = ?4 and state = ?5",
                    ScheduledSend.State.FAILED, now, why, s.id, ScheduledSend.State.PLACING);
            if (n == 1) {
                budgets.releaseRequest(s.token, "scheduled send " + s.id + " not sent");
                audit.record("SCHEDULE_FAILED", "scheduled " + s.id, "FAILED", why);
            }
        });
        return false;
    }

    /** The order the send makes, from the catalog as it is now; empty when the reward cannot be ordered. */
    private Optional<OrderRequest> orderOf(ScheduledSend s) {
        return catalog.get().flatMap(snap -> snap.catalog().brands().stream()
                .flatMap(b -> b.rewards().stream().filter(r -> r.sku().equals(s.sku) && r.orderable())
                        .map(r -> new OrderRequest(s.token, b, r, s.amount, s.recipientName, s.recipientEmail,
                                s.employeeId, s.rewardSubject, s.rewardMessage, s.rewardFrom)))
                .findFirst());
    }
}
