package dev.accolade.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Empty, or a whole number that fits a {@code long}: what a select box of ids sends, with an empty
 * option for "none". Whether the id names something is the service's to say.
 */
@Documented
@Constraint(validatedBy = WholeNumber.Check.class)
@Target({ METHOD, FIELD })
@Retention(RUNTIME)
public @interface WholeNumber {

    String message() default "Choose one of the options.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<WholeNumber, String> {

        /** The number, or null when the text is empty or not one. */
        public static Long parse(String value) {
            String v = Forms.trim(value);
            try {
                return v.isEmpty() ? null : Long.valueOf(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Forms.trim(value).isEmpty() || parse(value) != null;
        }
    }
}
