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
}
