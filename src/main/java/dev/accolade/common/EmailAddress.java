package dev.accolade.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An email address as Accolade takes one, everywhere (forms, the directory file): text, an
 * {@code @}, a domain with a dot, no spaces, at most 255 characters. Empty is left to
 * {@code @NotBlank}, so a required field gets one message for a missing address and, if it wants,
 * another for a wrong one.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Check.class)
@Target({ METHOD, FIELD, PARAMETER })
@Retention(RUNTIME)
public @interface EmailAddress {

    String message() default "Enter a valid email address.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself, for values that are not a form's field. */
    final class Check implements ConstraintValidator<EmailAddress, String> {

        private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

        public static boolean isEmail(String s) {
            return s != null && s.length() <= 255 && EMAIL.matcher(s).matches();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isEmpty() || isEmail(value);
        }
    }
}
