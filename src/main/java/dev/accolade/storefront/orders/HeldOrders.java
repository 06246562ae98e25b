package dev.accolade.storefront.orders;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.accolade.common.Clocks;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;

/**
 * Sends held unattended orders again once their try is due, as {@code system:held-sends}: each is
 * taken by one replica (a conditional update, HELD to PENDING) and placed as any send, so it goes to
 * RaaS at most once per try and a try RaaS did not get holds it again. Orders whose time is up
 * ({@code accolade.orders.unattended-give-up}) fail instead, never having been sent. Runs every
 * 15 seconds through Quartz, clustered like the reconciler.
 */
@ApplicationScoped
public class HeldOrders {

    private static final Logger LOG = Logger.getLogger(HeldOrders.class);
    static final Actor ACTOR = Actor.system("system:held-sends");

    /** What one run did. */
    public record Run(int tried, int delivered, int held, int failed, int unknown) {
    }

    private final OrderPlacement placement;
    private final HeldLedger holds;
    private final HoldPolicy policy;
    private final Actors actors;
    private final Clock clock;

    HeldOrders(OrderPlacement placement, HeldLedger holds, HoldPolicy policy, Actors actors, Clock clock) {
        this.placement = placement;
        this.holds = holds;
        this.policy = policy;
        this.actors = actors;
        this.clock = clock;
    }

    @Scheduled(identity = "held-sends", every = "${accolade.orders.held-every:15s}", delayed = "25s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Run run = retry();
        if (run.tried() + run.failed() > 0) {
            LOG.infof("Held sends: %d tried, %d delivered, %d still held, %d given up, %d being checked", run.tried(),
                    run.delivered(), run.held(), run.failed(), run.unknown());
        }
    }

    /** One run over the held orders whose try is due. */
    public Run retry() {
        return JobIds.run("held-sends", () -> actors.runAs(ACTOR, this::run));
    }

    private Run run() {
        OffsetDateTime now = Clocks.utcNow(clock);
        List<RewardOrder> due = QuarkusTransaction.requiringNew().call(() -> RewardOrder.heldDue(now, 500));
        int tried = 0;
        int delivered = 0;
        int held = 0;
        int failed = 0;
        int unknown = 0;
        for (RewardOrder order : due) {
            if (policy.expired(order.createdAt, now)) {
                failed += holds.gaveUp(order, HoldPolicy.GAVE_UP) ? 1 : 0;
                continue;
            }
            if (!holds.take(order)) {
                continue; // another replica took it
            }
            tried++;
            switch (placement.sendHeld(order).status) {
                case DELIVERED -> delivered++;
                case HELD -> held++;
                case FAILED -> failed++;
                default -> unknown++;
            }
        }
        return new Run(tried, delivered, held, failed, unknown);
    }
}
