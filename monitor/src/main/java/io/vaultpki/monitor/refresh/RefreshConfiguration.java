package io.vaultpki.monitor.refresh;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.vaultpki.client.GoDurations;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code monitor.refresh.*}: how often and how gently the monitor reads Vault.
 *
 * <p>The refresh interval is, in order of precedence: {@code monitor.refresh.interval} (configuration or
 * {@code MONITOR_REFRESH_INTERVAL}), then the environment variable {@code MONITOR_INTERVAL} as a Go duration
 * ({@code 90s}, {@code 1h}), then the Python exporter's {@code METRIC_UPDATE_INTERVAL} in seconds, then 60 s.
 * {@link #interval()} is that effective value; {@link RefreshJob} schedules with it.
 */
@ConfigurationProperties("monitor.refresh")
public class RefreshConfiguration {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

    private Duration interval;
    private int concurrency = 4;
    private double maxRequestsPerSecond = 20;
    private Duration initialDelay = Duration.ZERO;

    /** The effective refresh interval (see the class comment for the precedence). */
    public Duration interval() {
        return effectiveInterval(interval, System.getenv());
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    /** Engines refreshed at once (default 4). */
    public int concurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    /** Upper bound on Vault requests per second across the whole refresh (default 20): never become Vault's load. */
    public double maxRequestsPerSecond() {
        return maxRequestsPerSecond;
    }

    public void setMaxRequestsPerSecond(double maxRequestsPerSecond) {
        this.maxRequestsPerSecond = maxRequestsPerSecond;
    }

    /** Delay before the first refresh (default 0). */
    public Duration initialDelay() {
        return initialDelay;
    }

    public void setInitialDelay(Duration initialDelay) {
        this.initialDelay = initialDelay;
    }

    /** Checks every setting; the message names the offending one. */
    public RefreshConfiguration validate() {
        Duration effective = interval();
        if (effective.isNegative() || effective.isZero()) {
            throw new ConfigurationException("monitor.refresh.interval must be positive, was " + effective);
        }
        if (concurrency < 1) {
            throw new ConfigurationException("monitor.refresh.concurrency must be at least 1, was " + concurrency);
        }
        if (!(maxRequestsPerSecond > 0)) {
            throw new ConfigurationException("monitor.refresh.max-requests-per-second must be positive, was "
                    + maxRequestsPerSecond);
        }
        if (initialDelay == null || initialDelay.isNegative()) {
            throw new ConfigurationException("monitor.refresh.initial-delay must not be negative, was " + initialDelay);
        }
        return this;
    }

    /** The interval precedence rule, separated so it can be tested with any environment. */
    static Duration effectiveInterval(Duration configured, Map<String, String> env) {
        if (configured != null) {
            return configured;
        }
        String monitorInterval = env.get("MONITOR_INTERVAL");
        if (monitorInterval != null && !monitorInterval.isBlank()) {
            return GoDurations.parse(monitorInterval).orElseThrow(() -> new ConfigurationException(
                    "MONITOR_INTERVAL is not a duration such as 90s or 1h: " + monitorInterval));
        }
        String legacy = env.get("METRIC_UPDATE_INTERVAL");
        if (legacy != null && !legacy.isBlank()) {
            return Optional.of(legacy.strip()).filter(s -> s.matches("\\d+"))
                    .map(s -> Duration.ofSeconds(Long.parseLong(s)))
                    .orElseThrow(() -> new ConfigurationException(
                            "METRIC_UPDATE_INTERVAL must be a whole number of seconds, was " + legacy));
        }
        return DEFAULT_INTERVAL;
    }
}
