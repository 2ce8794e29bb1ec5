package io.vaultpki.monitor.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import io.vaultpki.support.config.PositiveDuration;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code monitor.thresholds.*}: how close to expiry an issuer becomes {@code warning} (default 30 days) or
 * {@code critical} (default 7 days). The status API grades issuers with them and
 * {@code vault_pki_monitor_threshold_seconds} exports them, so alert rules and the status API agree. Each must be
 * positive (checked when bound) and critical shorter than warning (checked by the constructor, for any instance).
 *
 * @param warning  an issuer with less time left is {@code warning}
 * @param critical an issuer with less time left is {@code critical}
 */
@Context
@ConfigurationProperties(ExpiryThresholds.PREFIX)
public record ExpiryThresholds(
        @Bindable(defaultValue = "30d") @NotNull
        @PositiveDuration(message = "monitor.thresholds.warning must be a positive duration, was {validatedValue}")
        Duration warning,
        @Bindable(defaultValue = "7d") @NotNull
        @PositiveDuration(message = "monitor.thresholds.critical must be a positive duration, was {validatedValue}")
        Duration critical) {

    public static final String PREFIX = "monitor.thresholds";

    public ExpiryThresholds {
        if (critical.compareTo(warning) >= 0) {
            throw new ConfigurationException("monitor.thresholds.critical (" + critical
                    + ") must be shorter than monitor.thresholds.warning (" + warning + ")");
        }
    }

    /** Thresholds for tests and tools. */
    public static ExpiryThresholds of(Duration warning, Duration critical) {
        return new ExpiryThresholds(warning, critical);
    }
}
