package dev.accolade.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.OptionalLong;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A required amount of US dollars as typed into a form, read by {@link Dollars}, in cents from
 * {@code min} to {@code max}. The message may name {@code {min}} and {@code {max}}, written as
 * dollars; a decimal comma gets {@link Dollars#DECIMAL_COMMA} instead, which names the mistake.
 */
@Documented
@Constraint(validatedBy = Amount.Check.class)
@Target({ METHOD, FIELD })
@Retention(RUNTIME)
public @interface Amount {

    String message() default "Enter an amount in dollars, such as 25 or 25.50.";

    long min() default 0;

    long max() default Long.MAX_VALUE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Amount, String> {

        private long min;
        private long max;
        private String message;

        @Override
        public void initialize(Amount amount) {
            min = amount.min();
            max = amount.max();
            message = amount.message().replace("{min}", Formats.dollars(min)).replace("{max}", Formats.dollars(max));
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            OptionalLong cents = Dollars.parse(value);
            if (cents.isPresent() && cents.getAsLong() >= min && cents.getAsLong() <= max) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(literal(Dollars.notAnAmount(value, message)))
                    .addConstraintViolation();
            return false;
        }

        /** The text as a message template that interpolation leaves as it is. */
        private static String literal(String text) {
            return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
