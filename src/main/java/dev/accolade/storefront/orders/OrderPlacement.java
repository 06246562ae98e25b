package dev.accolade.storefront.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.raas.client.OrderCreate;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;
import dev.accolade.raas.client.RaasFailure;
import dev.accolade.raas.client.RaasFaultKind;
import dev.accolade.raas.client.RaasOrder;
import dev.accolade.raas.client.RaasOutcomeUnknown;
import dev.accolade.raas.client.RaasUnavailable;
import dev.accolade.raas.client.Recipient;
import dev.accolade.storefront.accounts.DepartmentBalance;
import dev.accolade.storefront.security.DepartmentRef;

/**
 * Places a reward order exactly once, for whatever asks for one (the send form today; approvals,
 * batches and scheduled sends alike): the caller gives the request and its one-time token. The order
 * is committed as PENDING under that token before RaaS is called; a replayed, refreshed or
 * double-clicked request finds that order and never calls RaaS again. RaaS's answer settles it as
 * DELIVERED or FAILED; no answer leaves it UNKNOWN for the reconciler, which looks for it at RaaS
 * instead of sending it again. The department's cached balance is forgotten afterwards.
 */
@ApplicationScoped
public class OrderPlacement {

    private static final Logger LOG = Logger.getLogger(OrderPlacement.class);

    /** The order behind a request, and whether this request is the one that placed it. */
    public record Placed(RewardOrder order, boolean replay) {
    }

    private final OrderLedger ledger;
    private final HeldLedger holds;
    private final HoldPolicy policy;
    private final RaasClient raas;
    private final DepartmentBalance balances;
    private final Clock clock;

    private final Duration pendingGrace;

    OrderPlacement(OrderLedger ledger, HeldLedger holds, HoldPolicy policy, RaasClient raas, DepartmentBalance balances,
            Clock clock,
            @ConfigProperty(name = "accolade.reconcile.pending-grace", defaultValue = "PT2M") Duration pendingGrace) {
        this.ledger = ledger;
        this.holds = holds;
        this.policy = policy;
        this.raas = raas;
        this.balances = balances;
        this.clock = clock;
        this.pendingGrace = pendingGrace;
    }

    /**
     * Places the order of a validated request once. The PENDING row is inserted straight away: the
     * unique token makes a second submission of the same request fail there, and it is then shown the
     * order the first submission made.
     */
    public Placed place(OrderRequest request, Requester requester) {
        return place(request, requester, true);
    }

    /**
     * The same for a send nobody is watching (a batch row, a scheduled or an approved send): when
     * RaaS certainly did not get it (unreachable, circuit breaker open) the order is HELD rather than
     * failed, and {@link HeldOrders} sends it once RaaS is back, or fails it after
     * {@code accolade.orders.unattended-give-up}. Every other outcome is as for {@link #place}.
     */
    public Placed placeUnattended(OrderRequest request, Requester requester) {
        return place(request, requester, false);
    }

    private Placed place(OrderRequest request, Requester requester, boolean attended) {
        try {
            return reserveAndPlace(request, requester, attended);
        } finally {
            balances.forget(requester.department().id());
        }
    }

    /** Another try of a held order this replica has taken ({@link HeldLedger#take}). */
    RewardOrder sendHeld(RewardOrder order) {
        try {
            return place(order, null);
        } finally {
            balances.forget(order.departmentId);
        }
    }

    private Placed reserveAndPlace(OrderRequest request, Requester requester, boolean attended) {
        DepartmentRef department = requester.department();
        RewardOrder order;
        try {
            order = ledger.reserve(request, requester, attended);
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            // Another submission of the same request won the token: show its order.
            return replay(byToken(request.token()).orElseThrow(() -> e), department);
        } catch (RuntimeException e) {
            Optional<RewardOrder> raced = byToken(request.token());
            if (raced.isPresent()) {
                return replay(raced.get(), department);
            }
            throw e;
        }
        return new Placed(place(order, department.name()), false);
    }

    /**
     * The order an earlier submission of the form placed. A form of another department's order is
     * not shown to this one (the page answers 404), and the refusal is audited as for its address.
     */
    private Placed replay(RewardOrder order, DepartmentRef department) {
        if (!Objects.equals(order.departmentId, department.id())) {
            ledger.refused("reward order " + order.id);
        }
        return new Placed(order, true);
    }

    /** Calls RaaS and records its answer; returns the order as settled (re-read if another path settled it). */
    private RewardOrder place(RewardOrder order, String department) {
        boolean recorded;
        try {
            RaasOrder placed = raas.placeOrder(create(order));
            recorded = ledger.delivered(order, department, placed, "SEND_OUTCOME");
            if (recorded) {
                delivered(order, placed);
            }
        } catch (RaasException | RuntimeException e) {
            recorded = notDelivered(order, department, e);
        }
        return recorded ? order : byId(order.id);
    }

    /** What one request of {@link #placeAllUnattended} came to: its order, or why none was made. */
    public record Outcome(RewardOrder order, String notCovered) {
    }

    /**
     * Places a handful of a batch's rows, unattended, each exactly once as {@link #placeUnattended}
     * does, with two transactions for the handful and one small one per order instead of two per
     * order: their orders are committed together, HELD ({@link OrderLedger#reserveAll}); in turn each
     * becomes PENDING ({@link OrderLedger#sending}) and RaaS is called for it; those RaaS accepted are
     * settled together ({@link OrderLedger#deliveredAll}); any other answer settles its order alone,
     * as for a single send. When the handful cannot be committed together (a row whose token an earlier
     * try already placed, a reservation refused), each is placed on its own. A crash leaves PENDING only
     * the orders whose RaaS call had begun (and those RaaS accepted whose settling had not committed),
     * which the reconciler settles from RaaS's order history as after a crash during a single send; the
     * ones not reached are still HELD and {@link HeldOrders} sends them, once. The outcomes are in the
     * requests' order; none when the handful's owner no longer wanted them ({@link Handful#wanted}).
     */
    public List<Outcome> placeAllUnattended(List<OrderRequest> requests, Requester requester, Handful handful) {
        DepartmentRef department = requester.department();
        try {
            List<RewardOrder> orders;
            try {
                orders = ledger.reserveAll(requests, requester, handful, pendingGrace);
            } catch (RuntimeException e) {
                LOG.debugf(e, "A handful of %d orders could not be committed together; placing them one by one",
                        requests.size());
                return oneByOne(requests, requester, handful);
            }
            if (orders.isEmpty()) {
                return List.of();
            }
            List<OrderLedger.Delivery> accepted = new ArrayList<>(orders.size());
            List<RewardOrder> settled = new ArrayList<>(orders);
            // The orders are HELD until the pending grace is over, when HeldOrders may send them: one
            // whose turn comes after half of it (RaaS slow to answer the ones before) is left to it.
            OffsetDateTime sendBy = orders.get(0).createdAt.plus(pendingGrace.dividedBy(2));
            for (int i = 0; i < orders.size(); i++) {
                RewardOrder order = orders.get(i);
                if (Clocks.utcNow(clock).isAfter(sendBy)) {
                    continue;
                }
                if (!ledger.sending(order)) {
                    settled.set(i, byId(order.id));
                    continue;
                }
                try {
                    accepted.add(new OrderLedger.Delivery(order, raas.placeOrder(create(order))));
                } catch (RaasException | RuntimeException e) {
                    if (!notDelivered(order, department.name(), e)) {
                        settled.set(i, byId(order.id));
                    }
                }
            }
            if (!accepted.isEmpty()) {
                settleAccepted(accepted, department.name(), settled);
            }
            return settled.stream().map(o -> new Outcome(o, null)).toList();
        } finally {
            balances.forget(department.id());
        }
    }

    private void settleAccepted(List<OrderLedger.Delivery> accepted, String department, List<RewardOrder> settled) {
        Set<Long> delivered;
        try {
            delivered = ledger.deliveredAll(accepted, department);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Unexpected error while recording %d delivered orders; their outcomes will be reconciled",
                    accepted.size());
            for (OrderLedger.Delivery d : accepted) {
                settleUnknown(d.order(), department, "Accolade stopped before RaaS's answer was read ("
                        + e.getClass().getSimpleName() + ").", null, null, null);
            }
            return;
        }
        for (OrderLedger.Delivery d : accepted) {
            if (delivered.contains(d.order().id)) {
                delivered(d.order(), d.raas());
            } else {
                settled.set(settled.indexOf(d.order()), byId(d.order().id));
            }
        }
    }

    /**
     * A handful placed one by one, each order in its own transactions; the owner is asked first and
     * told afterwards, each in a transaction of its own.
     */
    private List<Outcome> oneByOne(List<OrderRequest> requests, Requester requester, Handful handful) {
        if (!QuarkusTransaction.requiringNew().call(handful::wanted)) {
            return List.of();
        }
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (OrderRequest request : requests) {
            try {
                outcomes.add(new Outcome(place(request, requester, false).order(), null));
            } catch (NotCovered e) {
                outcomes.add(new Outcome(null, e.getMessage()));
            }
        }
        List<RewardOrder> orders = outcomes.stream().map(Outcome::order).collect(Collectors.toList());
        QuarkusTransaction.requiringNew().run(() -> handful.committed(orders));
        return outcomes;
    }

    private static OrderCreate create(RewardOrder order) {
        return new OrderCreate(order.raasCustomer, order.raasAccountIdentifier,
                new Recipient(order.recipientName, order.recipientEmail), order.sku,
                order.variablePrice ? order.amount : null,
                order.rewardSubject, order.rewardMessage, order.rewardFrom, Boolean.TRUE);
    }

    private static void delivered(RewardOrder order, RaasOrder placed) {
        order.status = RewardOrder.Status.DELIVERED;
        order.raasOrderId = placed.orderId();
    }

    /**
     * Records an order RaaS did not accept, or whose acceptance could not be recorded: FAILED when
     * RaaS refused it or certainly never got it (HELD instead for an unattended send within its time),
     * UNKNOWN when it may have been placed. Returns whether this settled it.
     */
    private boolean notDelivered(RewardOrder order, String department, Exception e) {
        if (e instanceof RaasFailure f) {
            return settleFailed(order, department, reason(f));
        }
        if (e instanceof RaasUnavailable u) {
            if (!u.notSent()) {
                return settleUnknown(order, department, unknownWhy(u.kind(), u.status().orElse(null), null),
                        u.kind().name(), u.status().orElse(null), null);
            }
            if (!order.attended && !policy.expired(order.createdAt, Clocks.utcNow(clock))) {
                return hold(order, department, u);
            }
            return settleFailed(order, department, order.attended
                    ? "RaaS could not be reached, so nothing was sent. Try again in a few minutes."
                    : HoldPolicy.GAVE_UP);
        }
        if (e instanceof RaasOutcomeUnknown u) {
            Integer http = u.status().orElse(null);
            String code = u.errorCode().orElse(null);
            return settleUnknown(order, department, unknownWhy(u.kind(), http, code), u.kind().name(), http, code);
        }
        LOG.errorf(e, "Unexpected error while placing order %d; its outcome will be reconciled", order.id);
        return settleUnknown(order, department, "Accolade stopped before RaaS's answer was read ("
                + e.getClass().getSimpleName() + ").", null, null, null);
    }

    private boolean hold(RewardOrder order, String department, RaasUnavailable u) {
        String why = "RaaS could not be reached (" + u.kind() + "), so nothing was sent yet; it will be tried again.";
        var retryAt = policy.nextTry(order.createdAt, Clocks.utcNow(clock));
        if (!holds.held(order, department, why, retryAt)) {
            return false;
        }
        order.status = RewardOrder.Status.HELD;
        order.failureReason = why;
        order.nextCheckAt = retryAt;
        return true;
    }

    private boolean settleFailed(RewardOrder order, String department, String reason) {
        if (!ledger.failed(order, department, reason, "SEND_OUTCOME")) {
            return false;
        }
        order.status = RewardOrder.Status.FAILED;
        order.failureReason = reason;
        return true;
    }

    private boolean settleUnknown(RewardOrder order, String department, String why, String fault, Integer http,
            String code) {
        if (!ledger.unknown(order, department, why, fault, http, code)) {
            return false;
        }
        order.status = RewardOrder.Status.UNKNOWN;
        order.failureReason = why;
        order.unknownFault = fault;
        order.raasHttpStatus = http;
        order.raasErrorCode = code;
        return true;
    }

    /**
     * What happened, in words, when RaaS's answer settled nothing: an error answer ("RaaS answered with
     * an error") is told apart from no answer at all. The status and code stay for whoever relays it to
     * Tango Card.
     */
    static String unknownWhy(RaasFaultKind kind, Integer http, String code) {
        String detail = (http == null ? "" : "HTTP " + http) + (code == null ? "" : (http == null ? "" : ", ") + code);
        return switch (kind) {
            case SERVER_ERROR -> "RaaS answered with an error" + (detail.isEmpty() ? "" : " (" + detail + ")")
                    + ". Such an error usually means the order was not placed; Accolade checks RaaS's order history"
                    + " to be sure.";
            case TIMEOUT -> "RaaS did not answer in time, so it is not known yet whether the order was placed.";
            case CONNECTION_LOST -> "The connection to RaaS broke before its answer arrived, so it is not known yet"
                    + " whether the order was placed.";
            case UNREADABLE_RESPONSE -> "RaaS's answer could not be read" + (detail.isEmpty() ? "" : " (" + detail + ")")
                    + ", so it is not known yet whether the order was placed.";
            default -> "RaaS gave no usable answer (" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (detail.isEmpty() ? "" : ", " + detail) + "), so it is not known yet whether the order was placed.";
        };
    }

    /** The message a manager reads when RaaS refused an order. */
    static String reason(RaasFailure f) {
        if (f instanceof RaasFailure.InsufficientFunds funds) {
            return "Your department's RaaS balance"
                    + (funds.availableBalance().isPresent() ? " (" + Formats.dollars(funds.availableBalance().getAsLong()) + ")" : "")
                    + " does not cover this reward. Ask an administrator to add funds.";
        }
        if (f instanceof RaasFailure.ValidationFailed v) {
            return "RaaS refused the order: " + v.invalidInputs().stream()
                    .map(i -> i.field() + " " + i.error()).reduce((a, b) -> a + "; " + b).orElse("invalid input") + ".";
        }
        if (f instanceof RaasFailure.NotFound) {
            return "RaaS does not know your department's account. Ask an administrator to connect it.";
        }
        if (f instanceof RaasFailure.AuthenticationFailed || f instanceof RaasFailure.AuthenticationNeeded) {
            return "Accolade's RaaS credentials were refused. Ask an administrator to check them.";
        }
        return "RaaS refused the order" + f.errorMessage().map(m -> ": " + m).orElse(".");
    }

    private static RewardOrder byId(long id) {
        return QuarkusTransaction.requiringNew().call(() -> RewardOrder.<RewardOrder> findById(id));
    }

    private static Optional<RewardOrder> byToken(String token) {
        return QuarkusTransaction.requiringNew().call(() -> RewardOrder.findByToken(token));
    }
}
