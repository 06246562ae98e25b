package dev.accolade.storefront.mail;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.accolade.storefront.security.Role;

/**
 * The kinds of message Accolade sends. A notice a user may turn off is listed on their account page
 * for the roles it goes to; invitations and password-reset links are always sent, as the person asked
 * an administrator for them.
 */
public enum Notice {
    INVITATION("Invitation", "the link that sets your first password", false, true, EnumSet.allOf(Role.class), true),
    PASSWORD_RESET("Password reset", "a link to choose a new password", false, true, EnumSet.allOf(Role.class), true),
    REWARD_TROUBLE("Rewards that did not go out",
            "a reward you sent failed, or RaaS is still checking it a while after you sent it", true, true,
            EnumSet.of(Role.MANAGER), true),
    LOW_BALANCE("Low balance", "a department's RaaS balance fell under its threshold (once until it is funded again)",
            true, true, EnumSet.of(Role.ADMIN), true),
    WEEKLY_DIGEST("Weekly digest", "every Monday: last week's rewards, amounts and problems", true, false,
            EnumSet.of(Role.HR), true),
    LOW_BUDGET("Low budget",
            "a department's budget for the period fell under its low mark (once until it is raised or a new period starts)",
            true, true, EnumSet.of(Role.HR, Role.ADMIN), true),
    /* HR approves for every department; a manager for the departments that named them approvers. */
    APPROVAL_REQUESTED("Approval requested", "a reward waits for your approval", true, true,
            EnumSet.of(Role.HR, Role.MANAGER), true),
    APPROVAL_DECIDED("Approval decided", "a reward you asked for was approved, rejected, sent back or expired", true,
            true, EnumSet.of(Role.MANAGER), true),
    /* Sent by the bulk sends (dev.accolade.storefront.bulk) when a batch has every row placed or refused. */
    BATCH_FINISHED("Batch finished", "a batch of rewards you started has been sent", true, true,
            EnumSet.of(Role.MANAGER, Role.HR, Role.ADMIN), true);

    private final String label;
    private final String description;
    private final boolean optional;
    private final boolean onByDefault;
    private final Set<Role> roles;
    private final boolean listed;

    Notice(String label, String description, boolean optional, boolean onByDefault, Set<Role> roles, boolean listed) {
        this.label = label;
        this.description = description;
        this.optional = optional;
        this.onByDefault = onByDefault;
        this.roles = roles;
        this.listed = listed;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Whether a user may turn it off (or on). */
    public boolean optional() {
        return optional;
    }

    /** Whether a user who chose nothing gets it. */
    public boolean onByDefault() {
        return onByDefault;
    }

    /** The notices a user of this role chooses from on their account page. */
    public static List<Notice> choicesFor(Role role) {
        return EnumSet.allOf(Notice.class).stream().filter(n -> n.optional && n.listed && n.roles.contains(role))
                .toList();
    }
}
