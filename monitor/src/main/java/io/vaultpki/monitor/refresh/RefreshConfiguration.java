package io.vaultpki.monitor.refresh;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.vaultpki.support.config.NonNegativeDuration;
import io.vaultpki.support.config.PositiveDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * {@code monitor.refresh.*}: how often and how gently the monitor reads Vault. The interval can also come from the
 * replaced tools' {@code MONITOR_INTERVAL} (a Go duration) or {@code METRIC_UPDATE_INTERVAL} (seconds), mapped by
 * {@link io.vaultpki.monitor.MonitorEnvironmentAliases} below every explicit setting. Checked when the context
 * starts ({@link Context}), with messages that name the setting.
 *
 * @param interval             time between a good refresh and the next (default 60 s); {@link RefreshJob} schedules with it
 * @param concurrency          hard maximum of Vault requests the refresh has in flight (default 8); the adaptive
 *                             limit ({@link RequestLimiter}) starts at 2 and grows up to it while Vault's latency
 *                             stays flat
 * @param maxRequestsPerSecond optional hard ceiling on Vault requests per second across the whole refresh; unset
 *                             (null) by default, as the adaptive limit already backs off when Vault slows down or
 *                             answers 429/503
 * @param initialDelay         delay before the first refresh (default 0)
 */
@Context
@ConfigurationProperties(RefreshConfiguration.PREFIX)
public record RefreshConfiguration(
        @Bindable(defaultValue = "60s") @NotNull
        @PositiveDuration(message = "monitor.refresh.interval must be positive, was {validatedValue}")
        Duration interval,
        @Bindable(defaultValue = "8")
        @Min(value = 1, message = "monitor.refresh.concurrency must be at least 1, was {validatedValue}")
        int concurrency,
        @Nullable
        @Positive(message = "monitor.refresh.max-requests-per-second must be positive, was {validatedValue}")
        Double maxRequestsPerSecond,
        @Bindable(defaultValue = "0s") @NotNull
        @NonNegativeDuration(message = "monitor.refresh.initial-delay must not be negative, was {validatedValue}")
        Duration initialDelay) {

    public static final String PREFIX = "monitor.refresh";

    /** Default of {@link #concurrency()}: what Vault sees from the monitor at most. */
    public static final int DEFAULT_CONCURRENCY = 8;
}
