package dev.accolade.storefront.bulk;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.budgets.Approvers;
import dev.accolade.storefront.budgets.BudgetLedger;
import dev.accolade.storefront.budgets.BudgetStatus;
import dev.accolade.storefront.budgets.Budgets;
import dev.accolade.storefront.budgets.SpendingPolicy;
import dev.accolade.storefront.mail.Notices;
import dev.accolade.storefront.orders.NotCovered;
import dev.accolade.storefront.orders.OrderFunds;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.CurrentUser;

/**
 * A batch's life after its dry run. Each change is a conditional update of the batch in the state it
 * leaves, in one transaction with its budget change and its one audit row, so of two clicks (or two
 * replicas) one decides and the other is told. Confirming reserves the batch's total under its token
 * and starts it, or asks for approval when the department's policy says so; cancelling, rejecting and
 * finishing give back what no row took.
 */
@ApplicationScoped
public class Batches {

    /** A change's result, as the page says it. */
    public record Outcome(boolean done, String message) {
    }

    private final BulkRows rows;
    private final BudgetLedger ledger;
    private final Budgets budgets;
    private final Approvers approvers;
    private final AuditTrail audit;
    private final Notices notices;
    private final Clock clock;
    private final java.time.Duration expireAfter;
    private final Event<BatchRunning> running;

    Batches(BulkRows rows, BudgetLedger ledger, Budgets budgets, Approvers approvers, AuditTrail audit, Notices notices,
            Event<BatchRunning> running, Clock clock,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "accolade.approvals.expire-after",
                    defaultValue = "P7D") java.time.Duration expireAfter) {
        this.expireAfter = expireAfter;
        this.running = running;
        this.rows = rows;
        this.ledger = ledger;
        this.budgets = budgets;
        this.approvers = approvers;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    /** Why the batch needs approval now: the dry run's reasons, and the manager's allowance if it is short. */
    public List<String> approvalReasons(BulkBatch b) {
        List<String> reasons = new ArrayList<>(b.reasonList());
        List<BudgetStatus> statuses = budgets.forManager(b.departmentId, b.requesterId);
        if (statuses.size() > 1 && !statuses.get(1).covers(b.totalAmount)) {
            reasons.add("The batch is over your allowance (" + Formats.dollars(statuses.get(1).remaining()) + " left).");
        }
        return reasons;
    }

    /** Why the department's budget cannot cover the batch; empty when it can (or it has none). */
    public Optional<String> notCovered(BulkBatch b) {
        return budgets.ofDepartment(b.departmentId).filter(s -> !s.covers(b.totalAmount))
                .map(s -> "Your department's budget for " + s.period() + " has " + Formats.dollars(s.remaining())
                        + " left, less than this batch's " + Formats.dollars(b.totalAmount) + ".");
    }

    /**
     * Sends the checked batch's valid rows: reserves its total and starts it, or asks for approval.
     * A second click finds it started.
     */
    public Outcome confirm(long id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                BulkBatch b = BulkBatch.findById(id);
                if (b == null || b.state != BulkBatch.State.CHECKED) {
                    return new Outcome(false, "This batch was already confirmed.");
                }
                if (b.validCount == 0) {
                    return new Outcome(false, "No row of this file can be sent: fix the file and upload it again.");
                }
                Optional<String> stale = stale(b);
                if (stale.isPresent()) {
                    return new Outcome(false, stale.get());
                }
                List<String> reasons = approvalReasons(b);
                boolean approval = !reasons.isEmpty();
                OffsetDateTime now = Clocks.utcNow(clock);
                int n = BulkBatch.update("state = ?1, startedAt = ?2, approvalReasons = ?3 where id = ?4 and state = ?5",
                        approval ? BulkBatch.State.AWAITING_APPROVAL : BulkBatch.State.RUNNING, approval ? null : now,
                        approval ? String.join("\n", reasons) : null, id, BulkBatch.State.CHECKED);
                if (n != 1) {
                    return new Outcome(false, "This batch was already confirmed.");
                }
                boolean overAllowance = reasons.stream().anyMatch(r -> r.contains("allowance"));
                String reserved = ledger.reserveBatch(b.token, b.departmentId, b.requesterId, b.totalAmount,
                        !overAllowance);
                BulkBatch.update("reserved = ?1 where id = ?2", reserved != null, id);
                String what = Formats.counted(b.validCount, "reward") + ", " + Formats.dollars(b.totalAmount) + " from "
                        + b.fileName + (b.rowCount > b.validCount ? " (" + (b.rowCount - b.validCount)
                                + " rows not valid, left out)" : "") + (reserved == null ? "" : "; " + reserved);
                if (approval) {
                    audit.record("BULK_APPROVAL_REQUEST", b.target(), "AWAITING", what + "; " + String.join(" ", reasons));
                    Notices.Approval mail = mail(b);
                    for (long approver : approvers.idsFor(b.departmentId, b.requesterId)) {
                        notices.approvalRequested(approver, mail);
                    }
                    return new Outcome(true, "Waiting for approval: an approver of the department decides. The amount "
                            + "is reserved in the budget meanwhile.");
                }
                audit.record("BULK_START", b.target(), "RUNNING", what);
                running.fire(new BatchRunning(id));
                return new Outcome(true, "Sending " + Formats.counted(b.validCount, "reward") + " in the background. "
                        + "You can leave this page; it shows the progress when you come back.");
            });
        } catch (NotCovered e) {
            return new Outcome(false, "The batch was not started: " + e.getMessage());
        }
    }

    /** An approver starts a batch waiting for approval (not their own). */
    public Outcome approve(long id, CurrentUser me) {
        return decide(id, me, BulkBatch.State.RUNNING, "BULK_APPROVE", null, Notices.Decision.APPROVED,
                "Approved: the batch is being sent.");
    }

    public Outcome reject(long id, CurrentUser me, String note) {
        return decide(id, me, BulkBatch.State.REJECTED, "BULK_REJECT", note, Notices.Decision.REJECTED,
                "Rejected; the amount is back in the budget.");
    }

    private Outcome decide(long id, CurrentUser me, BulkBatch.State to, String action, String note,
            Notices.Decision decision, String done) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BulkBatch b = BulkBatch.findById(id);
            if (b == null || !approvers.mayApprove(me, b.departmentId)) {
                return new Outcome(false, "No such batch.");
            }
            if (b.requesterId.equals(me.getUserId())) {
                return new Outcome(false, "You cannot decide your own batch: another approver will.");
            }
            OffsetDateTime now = Clocks.utcNow(clock);
            int n = BulkBatch.update("state = ?1, decidedBy = ?2, decidedAt = ?3, decisionNote = ?4, startedAt = ?5,"
                    + " finishedAt = ?6 where id = ?7 and state = ?8", to, me.getEmail(), now, note,
                    to == BulkBatch.State.RUNNING ? now : null, to == BulkBatch.State.REJECTED ? now : null, id,
                    BulkBatch.State.AWAITING_APPROVAL);
            if (n != 1) {
                return new Outcome(false, "This batch was already decided.");
            }
            String released = null;
            if (to == BulkBatch.State.REJECTED) {
                rows.cancelWaiting(id);
                released = ledger.releaseBatch(b.token);
            }
            audit.record(action, b.target(), to.name(), OrderFunds.with(note, released));
            if (to == BulkBatch.State.RUNNING) {
                running.fire(new BatchRunning(id));
            }
            notices.approvalDecided(b.requesterId, mail(b), decision, note);
            return new Outcome(true, done);
        });
    }

    public Outcome pause(long id, CurrentUser me) {
        return move(id, BulkBatch.State.RUNNING, BulkBatch.State.PAUSED, "BULK_PAUSE",
                "Paused: rows being sent now finish; the rest wait until you resume.", "This batch is not sending.");
    }

    public Outcome resume(long id, CurrentUser me) {
        return move(id, BulkBatch.State.PAUSED, BulkBatch.State.RUNNING, "BULK_RESUME", "Resumed.",
                "This batch is not paused.");
    }

    private Outcome move(long id, BulkBatch.State from, BulkBatch.State to, String action, String done, String not) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BulkBatch b = BulkBatch.findById(id);
            if (b == null || BulkBatch.update("state = ?1 where id = ?2 and state = ?3", to, id, from) != 1) {
                return new Outcome(false, not);
            }
            audit.record(action, b.target(), to.name(), progressText(id));
            if (to == BulkBatch.State.RUNNING) {
                running.fire(new BatchRunning(id));
            }
            return new Outcome(true, done);
        });
    }

    /** Cancels what was not sent yet and gives its amount back; rows being sent now still finish. */
    public Outcome cancel(long id, CurrentUser me) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BulkBatch b = BulkBatch.findById(id);
            if (b == null) {
                return new Outcome(false, "No such batch.");
            }
            int n = BulkBatch.update("state = ?1, finishedAt = ?2 where id = ?3 and state in ?4",
                    BulkBatch.State.CANCELLED, Clocks.utcNow(clock), id,
                    List.of(BulkBatch.State.RUNNING, BulkBatch.State.PAUSED, BulkBatch.State.AWAITING_APPROVAL));
            if (n != 1) {
                return new Outcome(false, "This batch has already ended.");
            }
            int cancelled = rows.cancelWaiting(id);
            String released = ledger.releaseBatch(b.token);
            audit.record("BULK_CANCEL", b.target(), "CANCELLED",
                    OrderFunds.with(Formats.counted(cancelled, "row") + " not sent; " + progressText(id), released));
            return new Outcome(true, "Cancelled: " + Formats.counted(cancelled, "row") + " will not be sent and their "
                    + "amount is back in the budget.");
        });
    }

    /** Ends a running batch whose rows are all placed or refused: once, with its audit row and message. */
    boolean finishIfDone(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (rows.unfinished(id)) {
                return false;
            }
            BulkBatch b = BulkBatch.findById(id);
            if (b == null || BulkBatch.update("state = ?1, finishedAt = ?2 where id = ?3 and state in ?4",
                    BulkBatch.State.FINISHED, Clocks.utcNow(clock), id,
                    List.of(BulkBatch.State.RUNNING, BulkBatch.State.PAUSED)) != 1) {
                return false;
            }
            String released = ledger.releaseBatch(b.token);
            Progress p = progress(b);
            audit.record("BULK_FINISHED", b.target(), "FINISHED", OrderFunds.with(p.summary(), released));
            notices.batchFinished(b.requesterId, new Notices.Batch(b.id, b.fileName, (int) p.delivered(),
                    (int) p.failed(), (int) p.checking(), b.path()));
            return true;
        });
    }

    /** Discards a batch that was only checked; false when it was confirmed meanwhile. */
    public boolean discard(long id) {
        return QuarkusTransaction.requiringNew().call(() -> rows.deleteChecked(id));
    }

    /**
     * Batches waiting for approval longer than approval requests may wait: rejected as expired, once
     * each, their reservation given back.
     */
    public int expire() {
        OffsetDateTime before = Clocks.utcNow(clock).minus(expireAfter);
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> BulkBatch.<BulkBatch> list(
                "state = ?1 and createdAt < ?2", BulkBatch.State.AWAITING_APPROVAL, before).stream().map(b -> b.id)
                .toList());
        int expired = 0;
        for (long id : due) {
            expired += QuarkusTransaction.requiringNew().call(() -> {
                BulkBatch b = BulkBatch.findById(id);
                int n = BulkBatch.update("state = ?1, decidedBy = ?2, decidedAt = ?3, decisionNote = ?4, finishedAt = ?3"
                        + " where id = ?5 and state = ?6", BulkBatch.State.REJECTED, "system:approvals",
                        Clocks.utcNow(clock), "Not decided within " + expireAfter.toDays() + " days.", id,
                        BulkBatch.State.AWAITING_APPROVAL);
                if (n != 1) {
                    return 0;
                }
                rows.cancelWaiting(id);
                audit.record("BULK_EXPIRE", b.target(), "REJECTED", OrderFunds.with("not decided within " + expireAfter.toDays()
                        + " days", ledger.releaseBatch(b.token)));
                notices.approvalDecided(b.requesterId, mail(b), Notices.Decision.EXPIRED, null);
                return 1;
            });
        }
        return expired;
    }

    /**
     * Why a checked batch may not be confirmed any more: the department's policy changed after its dry
     * run, or the dry run is older than a day (the catalog, the directory and the budget move on).
     */
    private Optional<String> stale(BulkBatch b) {
        SpendingPolicy policy = SpendingPolicy.of(b.departmentId);
        if (policy.updatedAt != null && policy.updatedAt.isAfter(b.createdAt)) {
            return Optional.of("The department's spending policy changed after this file was checked: upload it "
                    + "again to check it against the policy as it is now.");
        }
        if (b.createdAt.isBefore(Clocks.utcNow(clock).minusDays(1))) {
            return Optional.of("This file was checked more than a day ago: upload it again to check it as things "
                    + "are now.");
        }
        return Optional.empty();
    }

    /** Where the batch stands, in the caller's transaction. */
    public Progress progress(BulkBatch b) {
        Map<String, long[]> outcomes = rows.outcomes(b.id);
        return Progress.of(b, outcomes, Clocks.utcNow(clock));
    }

    private String progressText(long id) {
        BulkBatch b = BulkBatch.findById(id);
        return progress(b).summary();
    }

    private static Notices.Approval mail(BulkBatch b) {
        AppUser requester = AppUser.findById(b.requesterId);
        String name = requester == null ? b.requesterEmail : requester.displayName;
        return new Notices.Approval(b.id, name, "a batch of " + Formats.counted(b.validCount, "reward"), b.totalAmount,
                Formats.counted(b.validCount, "recipient"), b.path());
    }
}
