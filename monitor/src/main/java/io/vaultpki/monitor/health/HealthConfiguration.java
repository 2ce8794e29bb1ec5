package io.vaultpki.monitor.health;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import io.vaultpki.support.config.NonNegativeDuration;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code monitor.health.*}: what readiness forgives.
 *
 * @param readyGrace how long readiness stays {@code UP} after Vault became unreachable, while the monitor serves its
 *                   last good data (default 5 min); {@code 0s} turns it {@code DOWN} at the first failed refresh
 */
@Context
@ConfigurationProperties(HealthConfiguration.PREFIX)
public record HealthConfiguration(
        @Bindable(defaultValue = "5m") @NotNull
        @NonNegativeDuration(message = "monitor.health.ready-grace must not be negative, was {validatedValue}")
        Duration readyGrace) {

    public static final String PREFIX = "monitor.health";
}
