package dev.accolade.storefront.users;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import dev.accolade.common.EmailAddress;
import dev.accolade.common.Forms;
import dev.accolade.common.WholeNumber;
import dev.accolade.storefront.security.Role;

/**
 * A user as the forms send them: the user page's name, role and department, and for a new user the
 * email they sign in with. The rules are on {@link User} and {@link NewUser}, the fields as read.
 */
public class UserForm {

    private static final String NAME = "Enter the user's name (up to 200 characters).";
    private static final String EMAIL = "Enter the user's email address.";

    @RestForm
    public String email;
    @RestForm
    public String displayName;
    @RestForm
    public String role;
    @RestForm
    public String department;

    /** A user's name, role and department (an id, or empty for none). */
    record User(
            @NotBlank(message = NAME) @Size(max = 200, message = NAME) String displayName,
            @NotNull(message = "Choose a role.") Role role,
            @WholeNumber(message = "Choose a department.") String department) {

        Long departmentId() {
            return WholeNumber.Check.parse(department);
        }
    }

    /** A new user: their email, in lower case, and the rest. */
    record NewUser(@NotBlank(message = EMAIL) @EmailAddress(message = EMAIL) String email, @Valid User user) {
    }

    User user() {
        Role chosen;
        try {
            chosen = Role.valueOf(Forms.trim(role));
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        return new User(Forms.trim(displayName), chosen, Forms.trim(department));
    }

    NewUser newUser() {
        return new NewUser(Forms.trim(email).toLowerCase(), user());
    }

    /** What the form shows again after an error. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        if (email != null) {
            values.put("email", Forms.trim(email).toLowerCase());
        }
        values.put("displayName", Forms.trim(displayName));
        values.put("role", Forms.trim(role));
        values.put("department", Forms.trim(department));
        return values;
    }
}
