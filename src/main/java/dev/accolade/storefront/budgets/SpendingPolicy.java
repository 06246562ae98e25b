package dev.accolade.storefront.budgets;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A department's spending policy. A department without one has no limits beyond its budget, sends to
 * any address without approval, and signs rewards freely (as before policies existed).
 */
@Entity
@Table(name = "spending_policy")
public class SpendingPolicy extends PanacheEntityBase {

    /** Who may receive a reward. */
    public enum Recipients {
        /** Only people in the department's directory. */
        DIRECTORY,
        /** Also addresses at the listed domains, each after approval. */
        DOMAINS,
        /** Any address; one outside the directory after approval. */
        ANYONE;

        public String label() {
            return switch (this) {
                case DIRECTORY -> "People in the department's directory only";
                case DOMAINS -> "The directory, and the listed domains with approval";
                case ANYONE -> "Anyone; outside the directory with approval";
            };
        }
    }

    /** What the "From" line of a reward may say. */
    public enum FromRule {
        /** The sender's own name. */
        SENDER,
        /** The sender's name, or "<department> team". */
        SENDER_OR_TEAM,
        /** Any text (the sender is still in the audit trail). */
        ANY;

        public String label() {
            return switch (this) {
                case SENDER -> "The sender's own name";
                case SENDER_OR_TEAM -> "The sender's name or the department's team";
                case ANY -> "Any text";
            };
        }
    }

    @Id
    public Long departmentId;
    public Long maxPerReward;
    public Long maxPerRecipient;
    public Long approvalThreshold;
    @Enumerated(EnumType.STRING)
    public Recipients recipients = Recipients.ANYONE;
    public String allowedDomains;
    public boolean messageRequired;
    public int recentDays;
    @Enumerated(EnumType.STRING)
    public FromRule fromRule = FromRule.ANY;
    public OffsetDateTime updatedAt;

    /** The department's policy, or the open one of a department that has none (not stored). */
    public static SpendingPolicy of(long departmentId) {
        SpendingPolicy p = findById(departmentId);
        if (p == null) {
            p = new SpendingPolicy();
            p.departmentId = departmentId;
        }
        return p;
    }

    /** Whether the department has set a policy (one that has not is open, as before policies existed). */
    public boolean stored() {
        return updatedAt != null;
    }

    /** The allowed domains, lower case, without a leading "@". */
    public List<String> domains() {
        if (allowedDomains == null || allowedDomains.isBlank()) {
            return List.of();
        }
        return Arrays.stream(allowedDomains.split("[,\\s]+")).map(d -> d.trim().toLowerCase(Locale.ROOT))
                .map(d -> d.startsWith("@") ? d.substring(1) : d).filter(d -> !d.isEmpty()).distinct().toList();
    }

    /** The "From" texts the rule allows a sender of this department, in the order a form offers them. */
    public List<String> fromChoices(String sender, String department) {
        return switch (fromRule) {
            case SENDER -> List.of(sender);
            case SENDER_OR_TEAM -> List.of(sender, department + " team");
            case ANY -> List.of();
        };
    }

    public String describe() {
        return "max per reward " + (maxPerReward == null ? "none" : maxPerReward) + ", max per recipient "
                + (maxPerRecipient == null ? "none" : maxPerRecipient) + ", approval above "
                + (approvalThreshold == null ? "none" : approvalThreshold) + ", recipients " + recipients
                + (recipients == Recipients.DOMAINS ? " " + String.join(",", domains()) : "") + ", message "
                + (messageRequired ? "required" : "optional") + ", recent-reward warning " + recentDays + " days, from "
                + fromRule;
    }

    /** A hard rule a send breaks: the form's field it is about, and what the policy says. */
    public record Refusal(String field, String message) {
    }

    /** Why a send needs approval: in full for one send, briefly for a batch's tally. */
    public record ApprovalReason(String sentence, String brief) {
    }

    /** What the policy's rules found in one send. */
    public record Findings(List<Refusal> refusals, List<ApprovalReason> approvals) {
    }

    /**
     * The policy's rules applied to one send, on what the caller has read (so that a single send and
     * each row of a batch, which reads once per file, are judged alike). Hard rules refuse: the
     * maximum per reward, a recipient the policy does not allow, a missing required message, a "From"
     * the policy does not allow. Soft rules ask for approval: an allowed recipient outside the
     * directory, an amount above the approval threshold, and more than the per-recipient maximum this
     * period ({@code alreadyThisPeriod}: what the recipient got in the period, asked for only when the
     * policy has that maximum). The budget and the allowance are the caller's.
     */
    public Findings judge(long amount, boolean variablePrice, String recipientEmail, boolean inDirectory,
            String message, String from, List<String> froms, java.util.function.LongSupplier alreadyThisPeriod) {
        List<Refusal> refusals = new java.util.ArrayList<>();
        List<ApprovalReason> approvals = new java.util.ArrayList<>();
        if (maxPerReward != null && amount > maxPerReward) {
            refusals.add(new Refusal(variablePrice ? "amount" : "sku", "Your department's policy allows at most "
                    + dev.accolade.common.Formats.dollars(maxPerReward) + " per reward."));
        }
        if (!inDirectory) {
            int at = recipientEmail.lastIndexOf('@');
            String domain = at < 0 ? "" : recipientEmail.substring(at + 1).toLowerCase(Locale.ROOT);
            switch (recipients) {
                case DIRECTORY -> refusals.add(new Refusal("recipientEmail",
                        "Your department's policy allows rewards to people in its directory only."));
                case DOMAINS -> {
                    if (domains().contains(domain)) {
                        approvals.add(new ApprovalReason("The recipient is outside the directory (" + domain + ").",
                                "outside the directory"));
                    } else {
                        refusals.add(new Refusal("recipientEmail", "Your department's policy allows rewards to the"
                                + " directory and to " + String.join(", ", domains()) + " only."));
                    }
                }
                case ANYONE -> {
                    if (stored()) {
                        approvals.add(new ApprovalReason("The recipient is outside the directory.",
                                "outside the directory"));
                    }
                }
            }
        }
        if (messageRequired && (message == null || message.isBlank())) {
            refusals.add(new Refusal("message", "Your department's policy asks for a message with every reward."));
        }
        if (!froms.isEmpty() && froms.stream().noneMatch(f -> f.equalsIgnoreCase(from))) {
            refusals.add(new Refusal("from", "Your department's policy signs rewards as " + String.join(" or ", froms)
                    + "."));
        }
        if (approvalThreshold != null && amount > approvalThreshold) {
            String limit = dev.accolade.common.Formats.dollars(approvalThreshold);
            approvals.add(new ApprovalReason("It is above " + limit + ", the amount that needs approval.",
                    "above " + limit + ", the amount that needs approval"));
        }
        if (maxPerRecipient != null) {
            long after = alreadyThisPeriod.getAsLong() + amount;
            String max = dev.accolade.common.Formats.dollars(maxPerRecipient);
            if (after > maxPerRecipient) {
                approvals.add(new ApprovalReason("The recipient would get " + dev.accolade.common.Formats.dollars(after)
                        + " this period, over the " + max + " per person.", "over " + max + " per person this period"));
            }
        }
        return new Findings(List.copyOf(refusals), List.copyOf(approvals));
    }
}
