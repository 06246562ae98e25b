package dev.accolade.storefront.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.accolade.raas.client.OrderQuery;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;
import dev.accolade.raas.client.RaasOrder;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;

/**
 * Settles every order whose outcome is unknown by asking RaaS what happened, never by sending it
 * again. It lists the account's RaaS orders around the time of the send and looks for one with the
 * same SKU, amount, recipient and message that no other local order has claimed: found means
 * DELIVERED; still absent long after any answer could arrive means it was never placed (FAILED).
 * Runs every minute; safe on several replicas (outcomes are conditional updates, a RaaS order id can
 * belong to one local order only).
 */
@ApplicationScoped
public class OrderReconciler {

    private static final Logger LOG = Logger.getLogger(OrderReconciler.class);
    static final Actor ACTOR = Actor.system("system:reconciler");

    /** What one pass did. */
    public record Pass(int checked, int delivered, int failed, int stillUnknown) {
    }

    private final RaasClient raas;
    private final OrderLedger ledger;
    private final Actors actors;
    private final Clock clock;
    private final Duration pendingGrace;
    private final Duration giveUpAfter;

    OrderReconciler(RaasClient raas, OrderLedger ledger, Actors actors, Clock clock,
            @ConfigProperty(name = "accolade.reconcile.pending-grace", defaultValue = "PT2M") Duration pendingGrace,
            @ConfigProperty(name = "accolade.reconcile.give-up-after", defaultValue = "PT15M") Duration giveUpAfter) {
        this.raas = raas;
        this.ledger = ledger;
        this.actors = actors;
        this.clock = clock;
        this.pendingGrace = pendingGrace;
        this.giveUpAfter = giveUpAfter;
    }

    @Scheduled(identity = "send-reconciler", every = "${accolade.reconcile.every:60s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Pass pass = reconcile();
        if (pass.checked() > 0) {
            LOG.infof("Reconciliation: %d checked, %d delivered, %d not placed, %d still unknown", pass.checked(),
                    pass.delivered(), pass.failed(), pass.stillUnknown());
        }
    }

    /** One pass over the open orders, as {@code system:reconciler}. */
    public Pass reconcile() {
        return actors.runAs(ACTOR, this::pass);
    }

    private Pass pass() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<RewardOrder> open = QuarkusTransaction.requiringNew()
                .call(() -> RewardOrder.unresolved(now.minus(pendingGrace), 200));
        int delivered = 0;
        int failed = 0;
        int unknown = 0;
        for (RewardOrder order : open) {
            switch (settle(order, now)) {
                case DELIVERED -> delivered++;
                case FAILED -> failed++;
                default -> unknown++;
            }
        }
        return new Pass(open.size(), delivered, failed, unknown);
    }

    private RewardOrder.Status settle(RewardOrder order, OffsetDateTime now) {
        OffsetDateTime from = order.createdAt.minusMinutes(5);
        OffsetDateTime to = order.createdAt.plusDays(1).isBefore(now) ? order.createdAt.plusDays(1) : now.plusMinutes(5);
        List<RaasOrder> candidates;
        try {
            candidates = raas.allOrders(OrderQuery.window(order.raasCustomer, order.raasAccountIdentifier, from, to));
        } catch (RaasException e) {
            LOG.debugf("Order %d stays unknown: RaaS order history unavailable (%s)", order.id, e.getMessage());
            return RewardOrder.Status.UNKNOWN;
        }
        Set<String> claimed = claimed(candidates);
        Optional<RaasOrder> match = candidates.stream()
                .filter(r -> !claimed.contains(r.orderId()))
                .filter(r -> matches(order, r))
                .findFirst();
        if (match.isPresent()) {
            try {
                if (ledger.delivered(order, null, match.get(), "RECONCILE")) {
                    return RewardOrder.Status.DELIVERED;
                }
            } catch (RuntimeException e) {
                // Another replica linked that RaaS order first; the next pass looks again.
                LOG.debugf("Order %d: RaaS order %s was claimed concurrently", order.id, match.get().orderId());
            }
            return RewardOrder.Status.UNKNOWN;
        }
        if (order.createdAt.plus(giveUpAfter).isBefore(now)) {
            if (ledger.failed(order, null, "RaaS has no record of this order: it was never placed and nothing was charged.",
                    "RECONCILE")) {
                return RewardOrder.Status.FAILED;
            }
        }
        return RewardOrder.Status.UNKNOWN;
    }

    /** RaaS order ids among the candidates that local orders already own. */
    private static Set<String> claimed(List<RaasOrder> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        List<String> ids = candidates.stream().map(RaasOrder::orderId).toList();
        return new HashSet<>(QuarkusTransaction.requiringNew().call(() -> RewardOrder.getEntityManager()
                .createQuery("select o.raasOrderId from RewardOrder o where o.raasOrderId in :ids", String.class)
                .setParameter("ids", ids).getResultList()));
    }

    static boolean matches(RewardOrder local, RaasOrder remote) {
        return local.sku.equals(remote.sku())
                && remote.amount() != null && local.amount == remote.amount()
                && remote.recipient() != null
                && local.recipientEmail.toLowerCase(Locale.ROOT).equals(
                        Objects.requireNonNullElse(remote.recipient().email(), "").toLowerCase(Locale.ROOT))
                && Objects.equals(emptyToNull(local.rewardMessage), emptyToNull(remote.rewardMessage()));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
