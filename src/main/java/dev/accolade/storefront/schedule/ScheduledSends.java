package dev.accolade.storefront.schedule;

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
import dev.accolade.storefront.budgets.BudgetLedger;
import dev.accolade.storefront.orders.NotCovered;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.orders.WaitingSend;
import dev.accolade.storefront.orders.WaitingSends;
import dev.accolade.storefront.security.CurrentUser;

/**
 * Scheduling a send, changing and cancelling it. Scheduling reserves the amount under the send's
 * token in the same transaction as the row (the RaaS account is charged only when the order is
 * placed); cancelling gives the reservation back in the transaction that cancels; each change is a
 * conditional update of a send still open, so a change and its placement never both win. Every step
 * is audited. Placing at the time is {@link DueSends}'.
 */
@ApplicationScoped
public class ScheduledSends implements WaitingSends {

    private final BudgetLedger budgets;
    private final AuditTrail audit;
    private final Clock clock;
    private final int horizonDays;
    private final Duration maxLateness;

    ScheduledSends(BudgetLedger budgets, AuditTrail audit, Clock clock,
            @ConfigProperty(name = "accolade.schedule.horizon-days", defaultValue = "365") int horizonDays,
            @ConfigProperty(name = "accolade.schedule.max-lateness", defaultValue = "PT6H") Duration maxLateness) {
        this.budgets = budgets;
        this.audit = audit;
        this.clock = clock;
        this.horizonDays = horizonDays;
        this.maxLateness = maxLateness;
    }

    /** Reads a form's send-later fields against the clock. */
    public SendTime.Parsed parse(String date, String time, String zone) {
        return SendTime.parse(date, time, zone, Clocks.utcNow(clock), horizonDays);
    }

    /**
     * Schedules a validated send, reserving its amount. A form sent twice finds its first schedule.
     *
     * @throws NotCovered when the budget cannot cover it
     */
    public ScheduledSend schedule(OrderRequest request, Requester requester, SendTime at) {
        Optional<ScheduledSend> earlier = byToken(request.token());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> insert(request, requester, at));
        } catch (NotCovered e) {
            throw e;
        } catch (RuntimeException e) {
            // The same form submitted twice at once: the unique token let one in; show that one.
            return byToken(request.token()).orElseThrow(() -> e);
        }
    }

    private ScheduledSend insert(OrderRequest request, Requester requester, SendTime at) {
        ScheduledSend s = row(request, requester, at);
        s.persistAndFlush();
        budgets.reserveRequest(s.token, s.departmentId, s.requesterId, s.amount, true, "scheduled send " + s.id);
        audit.record("SCHEDULE_CREATE", "scheduled " + s.id, "SCHEDULED", s.sku + " " + Formats.dollars(s.amount)
                + " to " + s.recipientEmail + " at " + s.when());
        return s;
    }

    private ScheduledSend row(OrderRequest request, Requester requester, SendTime at) {
        ScheduledSend s = new ScheduledSend();
        s.token = request.token();
        s.departmentId = requester.department().id();
        s.requesterId = requester.userId();
        s.requesterEmail = requester.email();
        s.sku = request.reward().sku();
        s.rewardDescription = request.reward().description();
        s.amount = request.amount();
        s.recipientName = request.recipientName();
        s.recipientEmail = request.recipientEmail();
        s.employeeId = request.employeeId();
        s.rewardSubject = request.subject();
        s.rewardMessage = request.message();
        s.rewardFrom = request.from();
        s.dueAt = at.instant();
        s.localDue = at.localText();
        s.timeZone = at.zone().getId();
        s.state = ScheduledSend.State.SCHEDULED;
        s.createdAt = Clocks.utcNow(clock);
        return s;
    }

    /** The send if it belongs to the user's department; anything else does not exist for them. */
    public Optional<ScheduledSend> visible(long id, CurrentUser me) {
        Long department = me.getDepartmentId();
        if (department == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> ScheduledSend.<ScheduledSend> find("id = ?1 and departmentId = ?2",
                id, department).firstResultOptional());
    }

    /**
     * Changes an open send's time and texts (not its reward, amount or recipient, which its reservation
     * and checks were made for: cancel and schedule again for those). A missed send given a new time
     * is scheduled again.
     *
     * @return whether it was still open
     */
    public boolean edit(ScheduledSend s, SendTime at, String subject, String message, String from) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int n = ScheduledSend.update("dueAt = ?1, localDue = ?2, timeZone = ?3, rewardSubject = ?4, rewardMessage = ?5,"
                    + " rewardFrom = ?6, state = ?7 where id = ?8 and (state = ?9 or state = ?10)", at.instant(),
                    at.localText(), at.zone().getId(), subject, message, from, ScheduledSend.State.SCHEDULED, s.id,
                    ScheduledSend.State.SCHEDULED, ScheduledSend.State.OVERDUE);
            if (n == 1) {
                audit.record("SCHEDULE_EDIT", "scheduled " + s.id, "SCHEDULED", "now at "
                        + SendTime.display(at.instant(), at.zone().getId()) + (s.dueAt.equals(at.instant()) ? "" : " (was "
                                + s.when() + ")"));
            }
            return n == 1;
        });
    }

    /** Cancels an open send and gives its reservation back, in one transaction; false when it had gone. */
    public boolean cancel(ScheduledSend s, String by) {
        return QuarkusTransaction.requiringNew().call(() -> cancelWithin(s, by));
    }

    /** {@link #cancel} in the caller's transaction (an occasion's skip marks the occasion in the same one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean cancelWithin(ScheduledSend s, String by) {
        int n = ScheduledSend.update("state = ?1, closedAt = ?2, note = ?3 where id = ?4 and (state = ?5 or state = ?6)",
                ScheduledSend.State.CANCELLED, Clocks.utcNow(clock), "Cancelled by " + by, s.id,
                ScheduledSend.State.SCHEDULED, ScheduledSend.State.OVERDUE);
        if (n != 1) {
            return false;
        }
        budgets.releaseRequest(s.token, "scheduled send " + s.id + " cancelled");
        audit.record("SCHEDULE_CANCEL", "scheduled " + s.id, "CANCELLED", s.sku + " " + Formats.dollars(s.amount)
                + " to " + s.recipientEmail + ", was due " + s.when());
        return true;
    }

    /**
     * A draft the system schedules for a manager (an occasion's), in the caller's transaction: the row,
     * its reservation under its token (the caller's rollback undoes both when the budget cannot cover
     * it) and one audit row saying both. Its token must be new and without a point (a point names a
     * batch row's token).
     *
     * @throws NotCovered when the budget or the manager's allowance cannot cover it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ScheduledSend draft(OrderRequest request, Requester requester, SendTime at, long occasionId, String label) {
        ScheduledSend s = row(request, requester, at);
        s.occasionId = occasionId;
        s.label = label;
        s.persistAndFlush(); // the occasion's row names it in this transaction
        String reserved = budgets.reserveBatch(s.token, s.departmentId, s.requesterId, s.amount, true);
        audit.record("SCHEDULE_CREATE", "scheduled " + s.id, "SCHEDULED", label + ": " + s.sku + " "
                + Formats.dollars(s.amount) + " to " + s.recipientEmail + " at " + s.when()
                + (reserved == null ? "" : "; " + reserved));
        return s;
    }

    /**
     * Replaces an open draft by another reward or amount, in the caller's transaction: the old one is
     * cancelled and its reservation given back, then the new one is scheduled at the same time and
     * reserves its amount; if the budget cannot cover the new amount the caller's rollback keeps the old.
     *
     * @return the new send; empty when the old one was no longer open
     * @throws NotCovered when the budget or allowance cannot cover the new amount
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ScheduledSend> replaceWithin(ScheduledSend old, OrderRequest request, Requester requester, String by) {
        if (!cancelWithin(old, by + " (replaced by a changed reward)")) {
            return Optional.empty();
        }
        SendTime at = SendTime.of(java.time.LocalDateTime.parse(old.localDue).toLocalDate(),
                java.time.LocalDateTime.parse(old.localDue).toLocalTime(), java.time.ZoneId.of(old.timeZone));
        return Optional.of(draft(request, requester, at, old.occasionId, old.label));
    }

    @Override
    public List<WaitingSend> of(long requesterId) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledSend.waitingOf(requesterId)).stream()
                .map(s -> new WaitingSend(s.href(), s.dueAt, s.when(), s.recipientName, s.recipientEmail,
                        s.label == null ? s.rewardDescription : s.label + ": " + s.rewardDescription, s.amount, s.state.label(), "SCHEDULED " + s.state.name()))
                .toList();
    }

    static Optional<ScheduledSend> byToken(String token) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledSend.<ScheduledSend> find("token", token)
                .firstResultOptional());
    }

    /** Whether a send token belongs to a scheduled send (then only its time places it). */
    public Optional<ScheduledSend> ofToken(String token) {
        return token == null ? Optional.empty() : byToken(token);
    }

    public Duration maxLateness() {
        return maxLateness;
    }
}
