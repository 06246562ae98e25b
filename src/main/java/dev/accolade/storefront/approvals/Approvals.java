package dev.accolade.storefront.approvals;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.budgets.Approvers;
import dev.accolade.storefront.budgets.BudgetLedger;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.mail.Notices;
import dev.accolade.storefront.orders.NotCovered;
import dev.accolade.storefront.orders.OrderPlacement;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.CurrentUser;

/**
 * Approval requests from asking to deciding. Asking reserves the amount with the request (one
 * transaction); each decision is a conditional update of an AWAITING request, so of any number of
 * concurrent clicks one decides and the others are told it was decided. Approving then places the
 * order under the request's own token through {@link OrderPlacement}, which takes the reservation
 * over; rejecting, asking for a change and expiring give the reservation back in the same transaction
 * as the decision. Every step is audited, and mailed through {@link Notices} in its transaction: the
 * approvers hear of a new request, the requester of its decision or expiry.
 */
@ApplicationScoped
public class Approvals {

    /** The result of a decision, as the page reports it. */
    public enum Decision {
        DONE, ALREADY_DECIDED, OWN_REQUEST, NOT_FOUND, UNAVAILABLE
    }

    public record Outcome(Decision decision, String message, Long orderId) {
    }

    private final BudgetLedger budgets;
    private final Approvers approvers;
    private final OrderPlacement placement;
    private final CatalogCache catalog;
    private final AuditTrail audit;
    private final Notices notices;
    private final Clock clock;
    private final Duration expireAfter;

    Approvals(BudgetLedger budgets, Approvers approvers, OrderPlacement placement, CatalogCache catalog,
            AuditTrail audit, Notices notices, Clock clock,
            @ConfigProperty(name = "accolade.approvals.expire-after", defaultValue = "P7D") Duration expireAfter) {
        this.budgets = budgets;
        this.approvers = approvers;
        this.placement = placement;
        this.catalog = catalog;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
        this.expireAfter = expireAfter;
    }

    /**
     * Asks for approval of a validated send, reserving its amount with the request. A form sent twice
     * finds its first request. {@code overAllowance}: charged to the department's budget only.
     *
     * @throws NotCovered when the budget cannot cover it
     */
    public ApprovalRequest request(OrderRequest request, Requester requester, List<String> reasons,
            boolean overAllowance) {
        Optional<ApprovalRequest> earlier = byToken(request.token());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> insert(request, requester, reasons, overAllowance));
        } catch (NotCovered e) {
            throw e;
        } catch (RuntimeException e) {
            // The same form submitted twice at once: the unique token let one in; show that one.
            return byToken(request.token()).orElseThrow(() -> e);
        }
    }

    private ApprovalRequest insert(OrderRequest request, Requester requester, List<String> reasons,
            boolean overAllowance) {
        OffsetDateTime now = Clocks.utcNow(clock);
        ApprovalRequest a = new ApprovalRequest();
        a.token = request.token();
        a.departmentId = requester.department().id();
        a.requesterId = requester.userId();
        a.requesterEmail = requester.email();
        a.sku = request.reward().sku();
        a.rewardDescription = request.reward().description();
        a.amount = request.amount();
        a.recipientName = request.recipientName();
        a.recipientEmail = request.recipientEmail();
        a.employeeId = request.employeeId();
        a.rewardSubject = request.subject();
        a.rewardMessage = request.message();
        a.rewardFrom = request.from();
        a.reasons = String.join("\n", reasons);
        a.state = ApprovalRequest.State.AWAITING;
        a.createdAt = now;
        a.expiresAt = now.plus(expireAfter);
        a.persistAndFlush();
        // Written before the reservation: a budget that cannot cover the request rolls the messages back too.
        Notices.Approval mail = mail(a);
        for (long approver : approvers.idsFor(a.departmentId, a.requesterId)) {
            notices.approvalRequested(approver, mail);
        }
        budgets.reserveRequest(a.token, a.departmentId, a.requesterId, a.amount, !overAllowance, "approval request " + a.id);
        audit.record("APPROVAL_REQUEST", "approval " + a.id, "AWAITING", a.sku + " " + Formats.dollars(a.amount)
                + " to " + a.recipientEmail + " signed \"" + a.rewardFrom + "\"; " + String.join(" ", reasons));
        return a;
    }

    /** The request as the user may see it: theirs, or of a department they approve for; else empty. */
    @Transactional
    public Optional<ApprovalRequest> visible(long id, CurrentUser me) {
        ApprovalRequest a = ApprovalRequest.findById(id);
        if (a == null) {
            return Optional.empty();
        }
        boolean own = a.requesterId.equals(me.getUserId());
        return own || approvers.mayApprove(me, a.departmentId) ? Optional.of(a) : Optional.empty();
    }

    /** Whether the user may decide the request (an approver of its department, not its requester). */
    public boolean mayDecide(ApprovalRequest a, CurrentUser me) {
        return !a.requesterId.equals(me.getUserId()) && approvers.mayApprove(me, a.departmentId);
    }

    /** Approves and places the order once. */
    public Outcome approve(long id, CurrentUser me) {
        ApprovalRequest a = QuarkusTransaction.requiringNew().call(() -> ApprovalRequest.<ApprovalRequest> findById(id));
        Optional<Outcome> refused = refusal(a, me);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<OrderRequest> order = orderOf(a);
        if (order.isEmpty()) {
            return new Outcome(Decision.UNAVAILABLE, "The reward is no longer in the catalog or available: reject the "
                    + "request or ask for a change.", null);
        }
        boolean won = QuarkusTransaction.requiringNew().call(() -> {
            int n = ApprovalRequest.update("state = ?1, decidedBy = ?2, decidedAt = ?3 where id = ?4 and state = ?5",
                    ApprovalRequest.State.APPROVED, me.getEmail(), Clocks.utcNow(clock), id, ApprovalRequest.State.AWAITING);
            if (n == 1) {
                audit.record("APPROVAL_APPROVE", "approval " + id, "APPROVED", "requested by " + a.requesterEmail);
                notices.approvalDecided(a.requesterId, mail(a), Notices.Decision.APPROVED, null);
            }
            return n == 1;
        });
        if (!won) {
            return new Outcome(Decision.ALREADY_DECIDED, "This request was already decided.", null);
        }
        return place(a, order.get());
    }

    /** Places an approved request's order (again after a crash: the token makes it once). */
    Outcome place(ApprovalRequest a, OrderRequest request) {
        Department department = QuarkusTransaction.requiringNew().call(() -> Department.<Department> findById(a.departmentId));
        RewardOrder order;
        try {
            order = placement.placeUnattended(request, new Requester(a.requesterId, a.requesterEmail, department.ref()))
                    .order();
        } catch (NotCovered e) {
            return new Outcome(Decision.UNAVAILABLE, e.getMessage(), null);
        }
        QuarkusTransaction.requiringNew().run(() -> ApprovalRequest.update("orderId = ?1 where id = ?2 and orderId is null",
                order.id, a.id));
        return new Outcome(Decision.DONE, "Approved. " + switch (order.status) {
            case DELIVERED -> "The reward is on its way to " + order.recipientName + ".";
            case FAILED -> "But the reward was not sent: " + order.failureReason;
            default -> "The reward is " + order.status.label().toLowerCase() + ".";
        }, order.id);
    }

    public Outcome reject(long id, CurrentUser me, String note) {
        return close(id, me, ApprovalRequest.State.REJECTED, "APPROVAL_REJECT", note, "Rejected; the amount is back in "
                + "the budget.");
    }

    public Outcome askForChange(long id, CurrentUser me, String note) {
        return close(id, me, ApprovalRequest.State.CHANGES_REQUESTED, "APPROVAL_CHANGE", note, "A change was asked "
                + "for; the amount is back in the budget until the reward is sent again.");
    }

    private Outcome close(long id, CurrentUser me, ApprovalRequest.State to, String action, String note, String done) {
        ApprovalRequest a = QuarkusTransaction.requiringNew().call(() -> ApprovalRequest.<ApprovalRequest> findById(id));
        Optional<Outcome> refused = refusal(a, me);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean won = QuarkusTransaction.requiringNew().call(() -> decide(a, to, me.getEmail(), note, action));
        return won ? new Outcome(Decision.DONE, done, null)
                : new Outcome(Decision.ALREADY_DECIDED, "This request was already decided.", null);
    }

    /** AWAITING to the state, with the reservation given back and the audit row, in the caller's transaction. */
    private boolean decide(ApprovalRequest a, ApprovalRequest.State to, String by, String note, String action) {
        int n = ApprovalRequest.update("state = ?1, decidedBy = ?2, decidedAt = ?3, decisionNote = ?4 where id = ?5"
                + " and state = ?6", to, by, Clocks.utcNow(clock), note, a.id, ApprovalRequest.State.AWAITING);
        if (n != 1) {
            return false;
        }
        budgets.releaseRequest(a.token, "approval request " + a.id + " " + to.label().toLowerCase());
        audit.record(action, "approval " + a.id, to.name(), note);
        notices.approvalDecided(a.requesterId, mail(a), switch (to) {
            case REJECTED -> Notices.Decision.REJECTED;
            case CHANGES_REQUESTED -> Notices.Decision.CHANGE_ASKED;
            case EXPIRED -> Notices.Decision.EXPIRED;
            default -> throw new IllegalArgumentException("not a closing decision: " + to);
        }, note);
        return true;
    }

    /** The request as its messages tell it, in the caller's transaction. */
    private static Notices.Approval mail(ApprovalRequest a) {
        AppUser requester = AppUser.findById(a.requesterId);
        String name = requester == null ? a.requesterEmail : requester.displayName;
        return new Notices.Approval(a.id, name, a.rewardDescription, a.amount, a.recipientName, "/approvals/" + a.id);
    }

    /** Expires the requests whose time is up, each once, giving their reservations back. */
    public int expire() {
        OffsetDateTime now = Clocks.utcNow(clock);
        List<ApprovalRequest> due = QuarkusTransaction.requiringNew().call(() -> ApprovalRequest.expiredBy(now, 500));
        int expired = 0;
        for (ApprovalRequest a : due) {
            if (QuarkusTransaction.requiringNew().call(() -> decide(a, ApprovalRequest.State.EXPIRED, "system:approvals",
                    "Not decided within " + expireAfter.toDays() + " days.", "APPROVAL_EXPIRE"))) {
                expired++;
            }
        }
        return expired;
    }

    /** Approved requests whose order was never placed (the approver's request ended first): placed now, once. */
    public int placeApprovedLeftBehind() {
        OffsetDateTime before = Clocks.utcNow(clock).minusMinutes(2);
        List<ApprovalRequest> left = QuarkusTransaction.requiringNew().call(() -> ApprovalRequest
                .<ApprovalRequest> find("state = ?1 and orderId is null and decidedAt < ?2", ApprovalRequest.State.APPROVED,
                        before).page(0, 100).list());
        int placed = 0;
        for (ApprovalRequest a : left) {
            Optional<OrderRequest> order = orderOf(a);
            if (order.isPresent() && place(a, order.get()).orderId() != null) {
                placed++;
            }
        }
        return placed;
    }

    /** Why the user may not decide the request, as an outcome; empty when they may. */
    private Optional<Outcome> refusal(ApprovalRequest a, CurrentUser me) {
        if (a == null || !(a.requesterId.equals(me.getUserId()) || approvers.mayApprove(me, a.departmentId))) {
            return Optional.of(new Outcome(Decision.NOT_FOUND, "No such request.", null));
        }
        if (a.requesterId.equals(me.getUserId())) {
            audit.recordAlone("ACCESS_REFUSED", "approval " + a.id, "REFUSED", "own request: another approver decides it");
            return Optional.of(new Outcome(Decision.OWN_REQUEST, "You cannot decide your own request: another "
                    + "approver will.", null));
        }
        return Optional.empty();
    }

    /** The order the request makes, from the catalog as it is now; empty when the reward cannot be ordered. */
    private Optional<OrderRequest> orderOf(ApprovalRequest a) {
        return catalog.get().flatMap(s -> s.catalog().brands().stream()
                .flatMap(b -> b.rewards().stream().filter(r -> r.sku().equals(a.sku) && r.orderable())
                        .map(r -> new OrderRequest(a.token, b, r, a.amount, a.recipientName, a.recipientEmail,
                                a.employeeId, a.rewardSubject, a.rewardMessage, a.rewardFrom)))
                .findFirst());
    }

    public List<ApprovalRequest> queue(CurrentUser me, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> ApprovalRequest.queue(approvers.departmentsOf(me), page, size));
    }

    /** How many requests wait for this user (not counting their own). */
    public long waitingFor(CurrentUser me) {
        if (!me.isHr() && !me.isManager()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> ApprovalRequest.queued(approvers.departmentsOf(me)));
    }

    public List<ApprovalRequest> mine(CurrentUser me) {
        return QuarkusTransaction.requiringNew().call(() -> ApprovalRequest.ofRequester(me.getUserId(), 50));
    }

    static Optional<ApprovalRequest> byToken(String token) {
        return QuarkusTransaction.requiringNew().call(() -> ApprovalRequest.<ApprovalRequest> find("token", token)
                .firstResultOptional());
    }

    /** Whether a send token belongs to an approval request (then only approving it may place it). */
    public boolean isRequest(String token) {
        return byToken(token).isPresent();
    }

    public Duration expireAfter() {
        return expireAfter;
    }
}
