package dev.accolade.storefront.catalog;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A SKU as RaaS writes them and an order stores them ({@code AMZN-E-V-STD}): 1 to 64 characters, no
 * spaces or control characters. Whether the catalog has it, and whether it is available, is the
 * catalog's to say; a text that cannot be a SKU is not in the catalog either, hence the message.
 */
@Documented
@NotNull
@Pattern(regexp = "[^\\s\\p{Cntrl}]{1,64}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ METHOD, FIELD })
@Retention(RUNTIME)
public @interface Sku {

    String message() default "This reward is not in the catalog.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
