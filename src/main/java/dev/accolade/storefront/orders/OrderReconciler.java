package dev.accolade.storefront.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.accolade.common.Clocks;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;
import dev.accolade.raas.client.RaasOrder;
import dev.accolade.raas.client.RaasUnavailable;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.orders.OrderHistory.Budget;
import dev.accolade.storefront.orders.OrderHistory.Window;

/**
 * Settles every order whose outcome is unknown by asking RaaS what happened, never by sending it
 * again. A pass takes the orders whose check is due, reads each account's RaaS order list once over
 * the union of their windows (five minutes before the send to a day after it, or five minutes from
 * now), and matches all of them against it ({@link OrderMatcher}): found means DELIVERED. An order not
 * found is looked for again on a backoff after its send ({@code accolade.reconcile.recheck-after},
 * 1 and 5 minutes), and after {@code accolade.reconcile.give-up-after} (15 minutes), when any answer
 * would long have arrived, it was never placed (FAILED). A pass is bounded in list requests
 * ({@code accolade.reconcile.max-list-requests}); orders it did not reach stay due for the next one.
 * Runs every minute; safe on several replicas (outcomes are conditional updates, a RaaS order id can
 * belong to one local order only).
 */
@ApplicationScoped
public class OrderReconciler {

    private static final Logger LOG = Logger.getLogger(OrderReconciler.class);
    static final Actor ACTOR = Actor.system("system:reconciler");
    /** How far from the send RaaS's delivered_at may lie. */
    static final Duration SLACK = Duration.ofMinutes(5);

    /** What one pass did; {@code listRequests} counts the order-list pages it asked RaaS for. */
    public record Pass(int checked, int delivered, int failed, int stillUnknown, int listRequests) {
    }

    private final RaasClient raas;
    private final OrderMatcher matcher;
    private final Actors actors;
    private final Clock clock;
    private final Duration pendingGrace;
    private final ReconcileSchedule schedule;
    private final int maxListRequests;
    private final int maxOrders;

    OrderReconciler(RaasClient raas, OrderMatcher matcher, Actors actors, Clock clock,
            @ConfigProperty(name = "accolade.reconcile.pending-grace", defaultValue = "PT2M") Duration pendingGrace,
            @ConfigProperty(name = "accolade.reconcile.recheck-after", defaultValue = "PT1M,PT5M") List<Duration> recheck,
            @ConfigProperty(name = "accolade.reconcile.give-up-after", defaultValue = "PT15M") Duration giveUpAfter,
            @ConfigProperty(name = "accolade.reconcile.max-list-requests", defaultValue = "500") int maxListRequests,
            @ConfigProperty(name = "accolade.reconcile.max-orders", defaultValue = "50000") int maxOrders) {
        this.raas = raas;
        this.matcher = matcher;
        this.actors = actors;
        this.clock = clock;
        this.pendingGrace = pendingGrace;
        this.schedule = new ReconcileSchedule(recheck, giveUpAfter);
        this.maxListRequests = Math.max(1, maxListRequests);
        this.maxOrders = Math.max(1, maxOrders);
    }

    @Scheduled(identity = "send-reconciler", every = "${accolade.reconcile.every:60s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long start = System.nanoTime();
        Pass pass = reconcile();
        if (pass.checked() > 0) {
            LOG.infof("Reconciliation: %d checked, %d delivered, %d not placed, %d still unknown, %d list requests"
                    + " in %d ms", pass.checked(), pass.delivered(), pass.failed(), pass.stillUnknown(),
                    pass.listRequests(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** One pass over the orders whose check is due, as {@code system:reconciler}. */
    public Pass reconcile() {
        return JobIds.run("reconcile", () -> actors.runAs(ACTOR, this::pass));
    }

    /** When an order being checked is looked at next and known by, for its page; null for any other order. */
    public OrderProgress progress(RewardOrder order, OffsetDateTime now) {
        if (order.status != RewardOrder.Status.UNKNOWN && order.status != RewardOrder.Status.PENDING) {
            return null;
        }
        return OrderProgress.of(order, schedule, pendingGrace, now);
    }

    ReconcileSchedule schedule() {
        return schedule;
    }

    Duration pendingGrace() {
        return pendingGrace;
    }

    private Pass pass() {
        OffsetDateTime now = Clocks.utcNow(clock);
        List<RewardOrder> due = QuarkusTransaction.requiringNew()
                .call(() -> RewardOrder.dueForCheck(now, now.minus(pendingGrace), maxOrders));
        Map<String, List<RewardOrder>> byAccount = new LinkedHashMap<>();
        for (RewardOrder o : due) {
            byAccount.computeIfAbsent(o.raasCustomer + "\u0000" + o.raasAccountIdentifier, k -> new ArrayList<>()).add(o);
        }
        Budget budget = new Budget(maxListRequests);
        OrderMatcher.Tally tally = new OrderMatcher.Tally();
        for (List<RewardOrder> orders : byAccount.values()) {
            if (!budget.left() || !settleAccount(orders, now, budget, tally)) {
                break;
            }
        }
        return new Pass(tally.checked, tally.delivered, tally.failed, tally.checked - tally.delivered - tally.failed,
                budget.used());
    }

    /**
     * Reads the account's list over each merged window and settles the orders whose window it holds;
     * false when RaaS could not be used (the pass stops: the other accounts would fail alike).
     */
    private boolean settleAccount(List<RewardOrder> orders, OffsetDateTime now, Budget budget, OrderMatcher.Tally tally) {
        RewardOrder first = orders.get(0);
        Map<RewardOrder, Window> windows = new LinkedHashMap<>();
        orders.forEach(o -> windows.put(o, window(o, now)));
        for (Window read : OrderHistory.union(new ArrayList<>(windows.values()))) {
            Optional<List<RaasOrder>> listed;
            try {
                listed = OrderHistory.read(raas, first.raasCustomer, first.raasAccountIdentifier, read, budget);
            } catch (RaasUnavailable e) {
                return false; // the client logged it; every order stays due for the next pass
            } catch (RaasException e) {
                LOG.debugf("Orders of account %s stay unknown: RaaS order history refused (%s)",
                        first.raasAccountIdentifier, e.getMessage());
                return true;
            }
            if (listed.isEmpty()) {
                return false; // the budget ran out: these orders stay due for the next pass
            }
            List<RewardOrder> inside = new ArrayList<>();
            windows.forEach((o, w) -> {
                if (read.covers(w)) {
                    inside.add(o);
                }
            });
            matcher.settle(inside, windows, listed.get(), now, schedule, tally);
        }
        return true;
    }

    /** Where RaaS's delivered_at of the order can lie: from 5 minutes before its send to a day after. */
    static Window window(RewardOrder order, OffsetDateTime now) {
        OffsetDateTime placed = order.placedAt();
        OffsetDateTime latest = placed.plusDays(1);
        return new Window(placed.minus(SLACK), latest.isBefore(now) ? latest : now.plus(SLACK));
    }
}
