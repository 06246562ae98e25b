package dev.accolade.storefront.orders;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.raas.client.RaasOrder;
import dev.accolade.storefront.orders.OrderHistory.Window;

/**
 * Matches unsettled orders of one account against the RaaS orders listed over their windows. RaaS v1
 * takes no reference of ours, so an order is recognised by what was sent: the same SKU, amount,
 * recipient and message, delivered within the order's own window, and not already owned by another
 * local order (in the database, or matched earlier in this pass). Orders are taken oldest first and
 * RaaS's list in its own order, as one order at a time did before. Not found: looked for again
 * later, or FAILED once the give-up time has passed.
 */
@ApplicationScoped
class OrderMatcher {

    private static final Logger LOG = Logger.getLogger(OrderMatcher.class);

    /** Counts of one pass. */
    static final class Tally {
        int checked;
        int delivered;
        int failed;
    }

    private final OrderLedger ledger;

    OrderMatcher(OrderLedger ledger) {
        this.ledger = ledger;
    }

    void settle(List<RewardOrder> orders, Map<RewardOrder, Window> windows, List<RaasOrder> listed, OffsetDateTime now,
            ReconcileSchedule schedule, Tally tally) {
        Set<String> claimed = claimed(listed);
        // The listed orders by what was sent, each group in RaaS's order: one lookup per local order.
        Map<String, List<RaasOrder>> bySent = new HashMap<>();
        listed.forEach(r -> bySent.computeIfAbsent(key(r.sku(), r.amount(),
                r.recipient() == null ? null : r.recipient().email(), r.rewardMessage()), k -> new ArrayList<>()).add(r));
        List<Object[]> later = new ArrayList<>();
        for (RewardOrder order : orders) {
            tally.checked++;
            Window window = windows.get(order);
            Optional<RaasOrder> match = bySent.getOrDefault(key(order.sku, order.amount, order.recipientEmail,
                    order.rewardMessage), List.of()).stream()
                    .filter(r -> !claimed.contains(r.orderId()))
                    .filter(r -> window.holds(r.deliveredAt()))
                    .filter(r -> matches(order, r))
                    .findFirst();
            if (match.isPresent()) {
                claimed.add(match.get().orderId());
                try {
                    if (ledger.delivered(order, null, match.get(), "RECONCILE")) {
                        tally.delivered++;
                    }
                } catch (RuntimeException e) {
                    // Another replica linked that RaaS order first; the next pass looks again.
                    LOG.debugf("Order %d: RaaS order %s was claimed concurrently", order.id, match.get().orderId());
                }
                continue;
            }
            if (schedule.givesUp(order.placedAt(), now)) {
                if (ledger.failed(order, null, neverPlaced(order), "RECONCILE")) {
                    tally.failed++;
                }
            } else {
                later.add(new Object[] { order.id, schedule.nextCheck(order.placedAt(), now) });
            }
        }
        if (!later.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> later.forEach(l -> RewardOrder.update(
                    "nextCheckAt = ?1 where id = ?2 and status in (?3, ?4)", l[1], l[0], RewardOrder.Status.UNKNOWN,
                    RewardOrder.Status.PENDING)));
        }
    }

    /** Why an order RaaS does not list was not sent: a refusal is named as one. */
    static String neverPlaced(RewardOrder order) {
        if (order.isErrorAnswer()) {
            return "RaaS refused this order (" + order.getRaasAnswer() + ") and its order history confirms it was"
                    + " never placed: nothing was charged.";
        }
        return "RaaS has no record of this order: it was never placed and nothing was charged.";
    }

    /** RaaS order ids among the listed ones that local orders already own. */
    private static Set<String> claimed(List<RaasOrder> listed) {
        Set<String> owned = new HashSet<>();
        List<String> ids = listed.stream().map(RaasOrder::orderId).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            owned.addAll(QuarkusTransaction.requiringNew().call(() -> RewardOrder.getEntityManager()
                    .createQuery("select o.raasOrderId from RewardOrder o where o.raasOrderId in :ids", String.class)
                    .setParameter("ids", chunk).getResultList()));
        }
        return owned;
    }

    private static String key(String sku, Long amount, String email, String message) {
        return sku + "\u0000" + amount + "\u0000" + (email == null ? "" : email.toLowerCase(Locale.ROOT)) + "\u0000"
                + Objects.requireNonNullElse(emptyToNull(message), "");
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
