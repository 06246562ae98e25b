package dev.accolade.common;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;

/**
 * The field errors of the form a page shows, one message per field, next to it: every template shows
 * them with the one tag {@code {#fieldError name='email' /}} (which reads {@code inject:formErrors}).
 * <p>
 * A form's rules are Bean Validation constraints on a record of its fields as the rules read them
 * (trimmed; a record may nest another's fields with {@code @Valid}, whose fields keep their own names),
 * checked by {@link #check}; rules that need data (a name already taken, the catalog's prices) add
 * their errors with {@link #add}. A field's constraints are written so that at most one of them fails
 * for any value, so its message never depends on the validator's order. A form shown again in the
 * same request (the send form, whose values can be larger than a flash cookie may be) shows the
 * errors as they are; a form that redirects back ({@link #back}, the admin pages) carries them in the
 * flash, and the next page's {@code FormErrors} reads them there.
 */
@Named("formErrors")
@RequestScoped
public class FormErrors {

    /** Field errors travel in the flash under this prefix: {@code e.<field>}. */
    private static final String FLASH_PREFIX = "e.";

    private final Flash flash;
    private final Validator validator;
    private final Map<String, String> errors = new LinkedHashMap<>();

    FormErrors(Flash flash, Validator validator) {
        this.flash = flash;
        this.validator = validator;
    }

    /** Checks the form's constraints and keeps their messages; whether it has none. */
    public boolean check(Object form) {
        return check(form, "");
    }

    /** The same for a form whose fields the page names with a prefix, such as {@code card12.}. */
    public boolean check(Object form, String prefix) {
        boolean valid = true;
        for (ConstraintViolation<Object> violation : validator.validate(form)) {
            add(prefix + field(violation.getPropertyPath()), violation.getMessage());
            valid = false;
        }
        return valid;
    }

    /** Checks a value against the constraints of a form's field (a value filled in for the user). */
    public boolean check(Class<?> form, String field, Object value) {
        boolean valid = true;
        for (ConstraintViolation<?> violation : validator.validateValue(form, field, value)) {
            add(field, violation.getMessage());
            valid = false;
        }
        return valid;
    }

    /** The field a violation is about: the last name of its path (a form may nest another's fields). */
    private static String field(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    /** An error found by a rule outside the form's constraints; a field keeps its first error. */
    public FormErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    /** Whether this request found no error (errors carried by a redirect are the previous form's). */
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Whether this request found an error in the field. */
    public boolean failed(String field) {
        return errors.containsKey(field);
    }

    /** Whether the field has an error, found in this request or carried by the redirect to it. */
    public boolean has(String field) {
        return errors.containsKey(field) || flash.has(FLASH_PREFIX + field);
    }

    public String get(String field) {
        String error = errors.get(field);
        return error != null ? error : flash.get(FLASH_PREFIX + field);
    }

    /**
     * Sends the user back to the form's page with a message, these errors and the values to fill in
     * again, all in the flash.
     */
    public Response back(String path, String message, Map<String, String> values) {
        flash.put("error", message);
        errors.forEach((field, error) -> flash.put(FLASH_PREFIX + field, error));
        values.forEach(flash::put);
        return Forms.seeOther(path);
    }
}
