package dev.accolade.storefront.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Clocks;
import dev.accolade.common.Formats;
import dev.accolade.common.PublicUrl;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * The messages Accolade sends, one typed method each. Every method runs in the transaction of the
 * change it tells about ({@link Transactional.TxType#MANDATORY}) and only writes the message to the
 * outbox: it is sent after that transaction commits, and never if it rolls back. A method returns
 * whether (or to how many) it wrote: nothing for a recipient who turned the notice off, is disabled,
 * or already had this message (the methods that tell about one event write it once, however often
 * they are called).
 * <p>
 * Links start with the configured public URL ({@link PublicUrl}). A message carries no secret other
 * than the one-time link an invitation or password reset exists to deliver: no session, card or
 * reward code. The batch message is for the batch feature: call {@link #batchFinished} and list its
 * notice in {@link Notice} once it sends.
 */
@ApplicationScoped
public class Notices {

    /** A reward as its sender's message tells about it. */
    public record Reward(long orderId, String description, long amount, String recipientName, OffsetDateTime sentAt,
            String reason) {
        public String amountText() {
            return Formats.dollars(amount);
        }

        public String sentText() {
            return Formats.display(sentAt);
        }
    }

    /** A department whose RaaS balance is under its threshold. */
    public record Balance(long departmentId, String department, long balance, long threshold) {
        public String balanceText() {
            return Formats.dollars(balance);
        }

        public String thresholdText() {
            return Formats.dollars(threshold);
        }
    }

    /** One department's line of the weekly digest. */
    public record DepartmentWeek(String department, long delivered, long amount) {
        public String amountText() {
            return Formats.dollars(amount);
        }
    }

    /** The weekly digest's figures: Monday {@code from} to Sunday {@code to}, UTC. */
    public record Week(LocalDate from, LocalDate to, long delivered, long amount, long failed, long checking,
            List<DepartmentWeek> departments) {
        public String amountText() {
            return Formats.dollars(amount);
        }
    }

    /** A reward request waiting for, or given, a decision; {@code path} is its page, such as {@code /approvals/12}. */
    public record Approval(long requestId, String requester, String reward, long amount, String recipientName,
            String path) {
        public String amountText() {
            return Formats.dollars(amount);
        }
    }

    /** How an approval request ended, as its requester's message tells it. */
    public enum Decision {
        APPROVED("was approved", "was approved and goes out now"),
        REJECTED("was not approved", "was not approved; nothing is sent and the amount is back in the budget"),
        CHANGE_ASKED("needs a change",
                "was sent back for a change; nothing is sent and the amount is back in the budget until you send it again"),
        EXPIRED("expired", "was not decided in time and expired; nothing is sent and the amount is back in the budget");

        private final String verb;
        private final String sentence;

        Decision(String verb, String sentence) {
            this.verb = verb;
            this.sentence = sentence;
        }

        /** The end of the subject: "was approved", "needs a change". */
        public String verb() {
            return verb;
        }

        /** The end of the body's sentence, saying what happens now. */
        public String sentence() {
            return sentence;
        }
    }

    /**
     * A department's budget for the current period with little left: {@code remaining} (cents) under
     * {@code percent} per cent of its {@code amount}.
     */
    public record BudgetLeft(long budgetId, long departmentId, String department, String period, long amount,
            long remaining, int percent) {
        public String amountText() {
            return Formats.dollars(amount);
        }

        public String remainingText() {
            return Formats.dollars(remaining);
        }
    }

    /** A finished batch of rewards; {@code path} is its page. */
    public record Batch(long batchId, String name, int delivered, int failed, int checking, String path) {
    }

    static final String PREFERENCES = "/profile#notices";

    private final Outbox outbox;
    private final MailPreferences preferences;
    private final Clock clock;

    Notices(Outbox outbox, MailPreferences preferences, Clock clock) {
        this.outbox = outbox;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** The link with which a new user sets their first password. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean invitation(AppUser user, String link, OffsetDateTime expiresAt, String invitedBy) {
        return outbox.write(Notice.INVITATION, user.id, user.email, "You are invited to Accolade",
                () -> MailTemplates.invitation(user.displayName, link, Formats.display(expiresAt), invitedBy), null);
    }

    /** The link with which a user chooses a new password, as an administrator asked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean passwordReset(AppUser user, String link, OffsetDateTime expiresAt) {
        return outbox.write(Notice.PASSWORD_RESET, user.id, user.email, "Choose a new Accolade password",
                () -> MailTemplates.passwordReset(user.displayName, link, Formats.display(expiresAt)), null);
    }

    /** To its sender: a reward failed (RaaS refused it, or it was proven never placed). Once per order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean rewardFailed(long senderId, Reward reward) {
        return toUser(senderId, Notice.REWARD_TROUBLE, "Your reward to " + reward.recipientName() + " was not sent",
                "reward-failed:" + reward.orderId(),
                u -> MailTemplates.rewardFailed(u.displayName, reward, rewardLink(reward), prefs()));
    }

    /** To its sender: a reward's outcome is still being checked with RaaS a while after it was sent. Once per order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean rewardChecking(long senderId, Reward reward) {
        return toUser(senderId, Notice.REWARD_TROUBLE,
                "Your reward to " + reward.recipientName() + " is still being checked", "reward-checking:" + reward.orderId(),
                u -> MailTemplates.rewardChecking(u.displayName, reward, rewardLink(reward), prefs()));
    }

    /**
     * To every administrator who wants it: a department's balance is under its threshold. Written once
     * until {@link #balanceRecovered} is called for the department, however often the balance is
     * found low. Returns how many messages it wrote.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int lowBalance(Balance balance) {
        if (!latch("low-balance:" + balance.departmentId())) {
            return 0;
        }
        String link = PublicUrl.link("/admin/accounts/" + balance.departmentId());
        return toRoles(List.of(Role.ADMIN), Notice.LOW_BALANCE,
                "Low balance: " + balance.department() + " has " + balance.balanceText() + " left", u -> null,
                u -> MailTemplates.lowBalance(u.displayName, balance, link, prefs()));
    }

    /** The department's balance is at or over its threshold again: the next time it falls, admins hear again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean balanceRecovered(long departmentId) {
        return MailLatch.deleteById("low-balance:" + departmentId);
    }

    /**
     * To every HR user and administrator who wants it: a department's budget for the current period is
     * nearly spent. Written once per budget until {@link #budgetRecovered} is called for it (the budget
     * was raised, or is no longer low); a new period's budget is another budget, told about afresh.
     * Returns how many messages it wrote.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int lowBudget(BudgetLeft budget) {
        if (!latch("low-budget:" + budget.budgetId())) {
            return 0;
        }
        String link = PublicUrl.link("/budgets/" + budget.departmentId());
        return toRoles(List.of(Role.HR, Role.ADMIN), Notice.LOW_BUDGET,
                "Low budget: " + budget.department() + " has " + budget.remainingText() + " left for " + budget.period(),
                u -> null, u -> MailTemplates.lowBudget(u.displayName, budget, link, prefs()));
    }

    /** The budget was raised or is no longer low: the next time it is found low, HR hears again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean budgetRecovered(long budgetId) {
        return MailLatch.deleteById("low-budget:" + budgetId);
    }

    /** To every HR user who turned the weekly digest on; once per week and user. Returns how many it wrote. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int weeklyDigest(Week week) {
        String link = PublicUrl.link("/reports");
        return toRoles(List.of(Role.HR), Notice.WEEKLY_DIGEST, "Accolade: the week of " + week.from(),
                u -> "weekly-digest:" + week.from() + ":" + u.id,
                u -> MailTemplates.weeklyDigest(u.displayName, week, link, prefs()));
    }

    /** To an approver: a reward request waits for their decision. Once per request and approver. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean approvalRequested(long approverId, Approval approval) {
        return toUser(approverId, Notice.APPROVAL_REQUESTED,
                approval.requester() + " asks you to approve a reward to " + approval.recipientName(),
                "approval-requested:" + approval.path() + ":" + approverId,
                u -> MailTemplates.approvalRequested(u.displayName, approval, PublicUrl.link(approval.path()), prefs()));
    }

    /**
     * To the requester: their request was approved, rejected, sent back for a change or expired, with
     * the approver's {@code reason} (null: none given). Once per request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean approvalDecided(long requesterId, Approval approval, Decision decision, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        return toUser(requesterId, Notice.APPROVAL_DECIDED,
                "Your reward to " + approval.recipientName() + " " + decision.verb(),
                "approval-decided:" + approval.path(), u -> MailTemplates.approvalDecided(u.displayName, approval,
                        decision, why, PublicUrl.link(approval.path()), prefs()));
    }

    /** To the user who started it: a batch of rewards is done. Once per batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean batchFinished(long userId, Batch batch) {
        return toUser(userId, Notice.BATCH_FINISHED, "Your batch \u201c" + batch.name() + "\u201d is finished",
                "batch-finished:" + batch.batchId(),
                u -> MailTemplates.batchFinished(u.displayName, batch, PublicUrl.link(batch.path()), prefs()));
    }

    private boolean toUser(long userId, Notice notice, String subject, String dedupeKey,
            Function<AppUser, TemplateInstance> template) {
        AppUser u = AppUser.findById(userId);
        if (u == null || !u.enabled || !preferences.wants(u.id, notice)) {
            return false;
        }
        return outbox.write(notice, u.id, u.email, subject, () -> template.apply(u), dedupeKey);
    }

    /**
     * To every enabled user of the roles who wants the notice; {@code dedupeKey} gives a user's key
     * (null: none). Returns how many messages it wrote.
     */
    private int toRoles(List<Role> roles, Notice notice, String subject, Function<AppUser, String> dedupeKey,
            Function<AppUser, TemplateInstance> template) {
        int written = 0;
        for (AppUser u : AppUser.<AppUser>list("role in ?1 and enabled = true order by id", roles)) {
            if (preferences.wants(u.id, notice)
                    && outbox.write(notice, u.id, u.email, subject, () -> template.apply(u), dedupeKey.apply(u))) {
                written++;
            }
        }
        return written;
    }

    /** Sets the latch of one notice; false when it was already set (the notice was written before). */
    private boolean latch(String key) {
        if (MailLatch.findById(key) != null) {
            return false;
        }
        MailLatch latch = new MailLatch();
        latch.latchKey = key;
        latch.setAt = Clocks.utcNow(clock);
        latch.persist();
        return true;
    }

    private static String rewardLink(Reward reward) {
        return PublicUrl.link("/rewards/" + reward.orderId());
    }

    private static String prefs() {
        return PublicUrl.link(PREFERENCES);
    }
}
