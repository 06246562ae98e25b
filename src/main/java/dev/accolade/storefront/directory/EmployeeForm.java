package dev.accolade.storefront.directory;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import dev.accolade.common.EmailAddress;
import dev.accolade.common.Forms;
import dev.accolade.common.PlainText;
import dev.accolade.common.WholeNumber;

/** An employee as the edit form sends them; the rules are on {@link Entered}, the fields as read. */
public class EmployeeForm {

    private static final String NAME = "Enter the employee's name (up to 200 characters).";
    private static final String EMAIL = "Enter the employee's email address.";

    @RestForm
    public String name;
    @RestForm
    public String email;
    @RestForm
    public String department;
    @RestForm
    public String managerEmail;

    record Entered(
            @NotBlank(message = NAME) @Size(max = 200, message = NAME) @PlainText String name,
            @NotBlank(message = EMAIL) @EmailAddress(message = EMAIL) String email,
            @NotBlank(message = "Choose a department.") @WholeNumber(message = "Choose a department.") String department,
            @EmailAddress(message = "Enter the manager's email address, or leave it empty.") String managerEmail) {

        long departmentId() {
            return WholeNumber.Check.parse(department);
        }
    }

    Entered entered() {
        String manager = Forms.trim(managerEmail);
        return new Entered(Forms.trim(name), Forms.trim(email).toLowerCase(), Forms.trim(department),
                manager.isEmpty() ? null : manager.toLowerCase());
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", Forms.trim(name));
        values.put("email", Forms.trim(email));
        values.put("department", Forms.trim(department));
        values.put("managerEmail", Forms.trim(managerEmail));
        return values;
    }
}
