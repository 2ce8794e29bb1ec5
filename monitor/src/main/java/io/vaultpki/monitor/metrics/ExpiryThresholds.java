package io.vaultpki.monitor.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;

/**
 * {@code monitor.thresholds.*}: how close to expiry an issuer becomes {@code warning} (default 30 days) or
 * {@code critical} (default 7 days). The status API grades issuers with them and
 * {@code vault_pki_monitor_threshold_seconds} exports them, so alert rules and the status API agree.
 */
@ConfigurationProperties("monitor.thresholds")
public class ExpiryThresholds {

    private Duration warning = Duration.ofDays(30);
    private Duration critical = Duration.ofDays(7);

    public ExpiryThresholds() {
    }

    /** Thresholds for tests and tools; validated like the configured ones. */
    public static ExpiryThresholds of(Duration warning, Duration critical) {
        ExpiryThresholds thresholds = new ExpiryThresholds();
        thresholds.setWarning(warning);
        thresholds.setCritical(critical);
        return thresholds.validate();
    }

    public Duration warning() {
        return warning;
    }

    public void setWarning(Duration warning) {
        this.warning = warning;
    }

    public Duration critical() {
        return critical;
    }

    public void setCritical(Duration critical) {
        this.critical = critical;
    }

    /** Critical must come before warning, and both must be positive; the message names the settings. */
    public ExpiryThresholds validate() {
        if (warning == null || critical == null || critical.isNegative() || critical.isZero()) {
            throw new ConfigurationException("monitor.thresholds.warning and .critical must be positive durations");
        }
        if (critical.compareTo(warning) >= 0) {
            throw new ConfigurationException("monitor.thresholds.critical (" + critical
                    + ") must be shorter than monitor.thresholds.warning (" + warning + ")");
        }
        return this;
    }
}
