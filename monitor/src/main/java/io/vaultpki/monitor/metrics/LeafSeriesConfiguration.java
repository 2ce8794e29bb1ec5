package io.vaultpki.monitor.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;
import java.util.List;

/**
 * {@code monitor.leaves.*} as the metrics see it: which leaf series to export and how many.
 * (Collection itself, {@code monitor.leaves.enabled}, belongs to the refresh.)
 */
@ConfigurationProperties("monitor.leaves")
public class LeafSeriesConfiguration {

    static final int DEFAULT_MAX_SERIES = 10_000;

    private int maxSeries = DEFAULT_MAX_SERIES;
    private boolean includeSuperseded;
    private List<Duration> expiringWindows = List.of(Duration.ofDays(7), Duration.ofDays(30));

    /** Upper bound on {@code vault_pki_certificate_not_after_timestamp_seconds} series across all engines. */
    public int maxSeries() {
        return maxSeries;
    }

    public void setMaxSeries(int maxSeries) {
        this.maxSeries = maxSeries;
    }

    /** Whether certificates replaced by a newer one for the same engine, CN and OU get a series too. */
    public boolean includeSuperseded() {
        return includeSuperseded;
    }

    public void setIncludeSuperseded(boolean includeSuperseded) {
        this.includeSuperseded = includeSuperseded;
    }

    /** The {@code window} values of {@code vault_pki_certificates_expiring}, shortest first. */
    public List<Duration> expiringWindows() {
        return expiringWindows.stream().sorted().distinct().toList();
    }

    /**
     * Bound from configuration as text, so that one unparseable entry ({@code 7d,week}) stops start-up naming the
     * setting instead of being dropped by the framework's conversion.
     */
    public void setExpiringWindows(List<String> windows) {
        List<Duration> parsed = new java.util.ArrayList<>();
        for (String w : windows) {
            parsed.add(io.vaultpki.client.GoDurations.parse(w).orElseThrow(() -> new ConfigurationException(
                    "monitor.leaves.expiring-windows: '" + w + "' is not a duration such as 7d or 720h")));
        }
        this.expiringWindows = List.copyOf(parsed);
    }

    /** Sets the windows directly (tests and programmatic use). */
    public void useExpiringWindows(List<Duration> windows) {
        this.expiringWindows = List.copyOf(windows);
    }

    public LeafSeriesConfiguration validate() {
        if (maxSeries < 0) {
            throw new ConfigurationException("monitor.leaves.max-series must not be negative, was " + maxSeries);
        }
        if (expiringWindows.stream().anyMatch(w -> w.isNegative() || w.isZero())) {
            throw new ConfigurationException("monitor.leaves.expiring-windows must be positive durations");
        }
        return this;
    }
}
