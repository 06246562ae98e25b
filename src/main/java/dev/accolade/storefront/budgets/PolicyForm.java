package dev.accolade.storefront.budgets;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import dev.accolade.common.Dollars;
import dev.accolade.common.Forms;

/** A department's spending policy as its form sends it: empty amounts are "no maximum". */
public class PolicyForm {

    static final String AMOUNT = "Enter an amount in dollars, or leave it empty for none.";

    @RestForm
    public String maxPerReward;
    @RestForm
    public String maxPerRecipient;
    @RestForm
    public String approvalThreshold;
    @RestForm
    public String recipients;
    @RestForm
    public String allowedDomains;
    @RestForm
    public String messageRequired;
    @RestForm
    public String recentDays;
    @RestForm
    public String fromRule;

    /** The amounts are optional (empty: none), so they are checked by {@link #amountErrors}. */
    record Entered(String maxPerReward, String maxPerRecipient, String approvalThreshold,
            @NotNull(message = "Choose who may receive rewards.")
            @Pattern(regexp = "DIRECTORY|DOMAINS|ANYONE", message = "Choose who may receive rewards.") String recipients,
            @Pattern(regexp = "^[a-zA-Z0-9.,\\s@-]{0,1000}$", message = "List domains such as partner.example, "
                    + "separated by commas.") String allowedDomains,
            @Pattern(regexp = "^[0-9]{1,3}$", message = "Enter a number of days from 0 to 999.") String recentDays,
            @NotNull(message = "Choose what the From line may say.")
            @Pattern(regexp = "SENDER|SENDER_OR_TEAM|ANY", message = "Choose what the From line may say.") String fromRule) {
    }

    Entered entered() {
        return new Entered(Forms.trim(maxPerReward), Forms.trim(maxPerRecipient), Forms.trim(approvalThreshold),
                recipients, allowedDomains == null ? "" : allowedDomains.trim(),
                recentDays == null || recentDays.isBlank() ? "0" : recentDays.trim(), fromRule);
    }

    SpendingPolicy policy(long departmentId) {
        Entered e = entered();
        SpendingPolicy p = new SpendingPolicy();
        p.departmentId = departmentId;
        p.maxPerReward = cents(e.maxPerReward());
        p.maxPerRecipient = cents(e.maxPerRecipient());
        p.approvalThreshold = cents(e.approvalThreshold());
        p.recipients = SpendingPolicy.Recipients.valueOf(e.recipients());
        p.allowedDomains = e.allowedDomains();
        p.messageRequired = "on".equals(messageRequired) || "true".equals(messageRequired);
        p.recentDays = Integer.parseInt(e.recentDays());
        p.fromRule = SpendingPolicy.FromRule.valueOf(e.fromRule());
        return p;
    }

    /** The optional amounts that are not amounts in dollars above zero, by field. */
    Map<String, String> amountErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        Entered e = entered();
        check(errors, "maxPerReward", e.maxPerReward());
        check(errors, "maxPerRecipient", e.maxPerRecipient());
        check(errors, "approvalThreshold", e.approvalThreshold());
        return errors;
    }

    private static void check(Map<String, String> errors, String field, String typed) {
        if (typed != null && !typed.isEmpty()) {
            java.util.OptionalLong cents = Dollars.parse(typed);
            if (cents.isEmpty() || cents.getAsLong() <= 0) {
                errors.put(field, Dollars.notAnAmount(typed, AMOUNT));
            }
        }
    }

    private static Long cents(String typed) {
        return typed == null || typed.isEmpty() ? null : Dollars.parse(typed).orElseThrow();
    }
}
