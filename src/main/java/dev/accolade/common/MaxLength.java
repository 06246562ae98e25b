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

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * At most {@code value} characters, with a message that may say how many there are:
 * {@code {length}} (a long text the user has to shorten). A missing text is left to other rules.
 */
@Documented
@Constraint(validatedBy = MaxLength.Check.class)
@Target({ METHOD, FIELD })
@Retention(RUNTIME)
public @interface MaxLength {

    int value();

    String message() default "Use at most {value} characters (there are {length}).";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<MaxLength, String> {

        private int max;

        @Override
        public void initialize(MaxLength annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.length() <= max) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("length", value.length());
            return false;
        }
    }
}
