package dev.accolade.storefront.budgets;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import dev.accolade.common.Amount;
import dev.accolade.common.Dollars;
import dev.accolade.common.EmailAddress;
import dev.accolade.common.Forms;

/** The forms of a department's budget page: a budget, a change, an allowance, an approver. */
public class BudgetForm {

    static final String AMOUNT = "Enter an amount in dollars, such as 2000 or 2000.00.";

    @RestForm
    public String period;
    @RestForm
    public String amount;
    @RestForm
    public String carryOver;
    @RestForm
    public String email;

    record NewBudget(@NotBlank(message = "Choose a period.") @Pattern(regexp = "MONTH|QUARTER|YEAR",
            message = "Choose a month, a quarter or a year.") String period,
            @NotBlank(message = AMOUNT) @Amount(message = AMOUNT) String amount, boolean carryOver) {

        long cents() {
            return Dollars.parse(amount).orElseThrow();
        }
    }

    record Change(@NotBlank(message = AMOUNT) @Amount(message = AMOUNT) String amount) {
        long cents() {
            return Dollars.parse(amount).orElseThrow();
        }
    }

    record Person(@NotBlank(message = "Enter the manager's email address.")
            @EmailAddress(message = "Enter a valid email address.") String email,
            @Amount(message = AMOUNT) String amount) {
        long cents() {
            return Dollars.parse(amount).orElseThrow();
        }
    }

    NewBudget newBudget() {
        return new NewBudget(Forms.trim(period), Forms.trim(amount), "on".equals(carryOver) || "true".equals(carryOver));
    }

    Change change() {
        return new Change(Forms.trim(amount));
    }

    Person person() {
        return new Person(Forms.trim(email), Forms.trim(amount));
    }

    Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        if (amount != null) {
            v.put("amount", Forms.trim(amount));
        }
        if (email != null) {
            v.put("email", Forms.trim(email));
        }
        return v;
    }
}
