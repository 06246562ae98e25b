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
 * Text without control characters: no NUL, no escape, no other C0 or C1 control, no line or
 * paragraph separator, no bidirectional override; a tab, line feed and carriage return are allowed
 * only where {@code lines} says the text may have several lines (a message). As a constraint it checks
 * one field; {@link Check#isPlain} checks any text (a request's parameters, a row of an uploaded file).
 */
@Documented
@Constraint(validatedBy = PlainText.Check.class)
@Target({ METHOD, FIELD })
@Retention(RUNTIME)
public @interface PlainText {

    /** What a person is told when a field holds one. */
    String MESSAGE = "Remove the control characters (such as NUL or escape) from this text.";

    String message() default MESSAGE;

    /** Whether tab, line feed and carriage return are allowed. */
    boolean lines() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<PlainText, String> {

        private boolean lines;

        @Override
        public void initialize(PlainText annotation) {
            lines = annotation.lines();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isPlain(value, lines);
        }

        /** Whether the text (null counts as plain) has no control character, tab and line ends allowed when {@code lines}. */
        public static boolean isPlain(String text, boolean lines) {
            if (text == null) {
                return true;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (lines && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                if (isControl(c)) {
                    return false;
                }
            }
            return true;
        }

        /** C0 and C1 controls, DEL, the line and paragraph separators and the bidirectional overrides. */
        static boolean isControl(char c) {
            return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029'
                    || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
        }
    }
}
