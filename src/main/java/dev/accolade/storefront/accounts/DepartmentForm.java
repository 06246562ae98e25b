package dev.accolade.storefront.accounts;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import dev.accolade.common.Amount;
import dev.accolade.common.Dollars;
import dev.accolade.common.EmailAddress;
import dev.accolade.common.Forms;

/**
 * A department as the forms send it: its name and low-balance threshold, and for a new one the RaaS
 * account it sends from. The rules are on the records of the fields as read.
 */
public class DepartmentForm {

    private static final String NAME = "Enter the department's name (up to 120 characters).";
    private static final String EMAIL = "Enter the email address RaaS keeps for the account.";

    @RestForm
    public String name;
    /** Dollars as typed. */
    @RestForm
    public String threshold;
    @RestForm
    public String customer;
    @RestForm
    public String identifier;
    @RestForm
    public String email;

    /** A department's name and low-balance threshold. */
    record Settings(
            @NotBlank(message = NAME) @Size(max = 120, message = NAME) String name,
            @Amount(message = "Enter an amount in dollars, such as 500 or 500.00.") String threshold) {

        long thresholdCents() {
            return Dollars.parse(threshold).orElseThrow();
        }
    }

    /** The email address RaaS keeps for a department's account. */
    record AccountEmail(@NotBlank(message = EMAIL) @EmailAddress(message = EMAIL) String email) {
    }

    /** A new department and its RaaS account. */
    record NewDepartment(
            @Valid Settings settings,
            @Size(min = 3, max = 96, message = "Enter the RaaS customer: 3 to 96 characters.") String customer,
            @Pattern(regexp = "^[+\\w-]{5,96}$", message = "Use 5 to 96 letters, digits, _, + or -.") String identifier,
            @Valid AccountEmail account) {
    }

    Settings settings() {
        return new Settings(Forms.trim(name), threshold);
    }

    AccountEmail accountEmail() {
        return new AccountEmail(Forms.trim(email));
    }

    NewDepartment newDepartment() {
        return new NewDepartment(settings(), Forms.trim(customer), Forms.trim(identifier), accountEmail());
    }

    /** What the form shows again after an error: the fields it sent. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "name", Forms.trim(name));
        put(values, "threshold", Forms.trim(threshold));
        put(values, "customer", customer == null ? null : Forms.trim(customer));
        put(values, "identifier", identifier == null ? null : Forms.trim(identifier));
        put(values, "email", email == null ? null : Forms.trim(email));
        return values;
    }

    private static void put(Map<String, String> values, String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
    }
}
