package io.vaultpki.support.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The checks of {@link PositiveDuration} and {@link NonNegativeDuration}, found by Micronaut's validator as beans. */
@Factory
public class DurationConstraints {

    @Singleton
    ConstraintValidator<PositiveDuration, Duration> positiveDuration() {
        return (value, annotation, context) -> value == null || value.compareTo(Duration.ZERO) > 0;
    }

    @Singleton
    ConstraintValidator<NonNegativeDuration, Duration> nonNegativeDuration() {
        return (value, annotation, context) -> value == null || !value.isNegative();
    }
}
