package io.vaultpki.support.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link java.time.Duration} setting that may be zero but not negative ({@code null} is left to
 * {@code @NotNull}); the check is {@link DurationConstraints}. Give a {@code message} that names the setting.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
public @interface NonNegativeDuration {

    String message() default "must not be negative, was {validatedValue}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
