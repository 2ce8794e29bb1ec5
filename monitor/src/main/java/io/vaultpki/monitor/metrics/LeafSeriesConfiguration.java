package io.vaultpki.monitor.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import io.vaultpki.client.GoDurations;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code monitor.leaves.*} as the metrics see it: which leaf series to export and how many.
 * (Collection itself, {@code monitor.leaves.enabled}, belongs to the refresh.)
 *
 * @param maxSeries         upper bound on {@code vault_pki_certificate_not_after_timestamp_seconds} series across all
 *                          engines (default 10000)
 * @param includeSuperseded whether certificates replaced by a newer one for the same engine, CN and OU get a series
 *                          too (default false)
 * @param expiringWindows   the {@code window} values of {@code vault_pki_certificates_expiring} as Go durations
 *                          (default {@code 7d,30d}); bound as text and parsed here, because the framework's list
 *                          conversion would silently drop an entry it cannot read ({@code 7d,week})
 */
@Context
@ConfigurationProperties(LeafSeriesConfiguration.PREFIX)
public record LeafSeriesConfiguration(
        @Bindable(defaultValue = "10000")
        @Min(value = 0, message = "monitor.leaves.max-series must not be negative, was {validatedValue}")
        int maxSeries,
        @Bindable(defaultValue = "false") boolean includeSuperseded,
        @Bindable(defaultValue = "7d,30d") @NotNull List<String> expiringWindows) {

    public static final String PREFIX = "monitor.leaves";

    public LeafSeriesConfiguration {
        expiringWindows = List.copyOf(expiringWindows);
        windows(expiringWindows);
    }

    /** The windows, shortest first, without duplicates. */
    public List<Duration> windows() {
        return windows(expiringWindows);
    }

    private static List<Duration> windows(List<String> texts) {
        List<Duration> parsed = new ArrayList<>();
        for (String w : texts) {
            Duration window = GoDurations.parse(w).orElseThrow(() -> new ConfigurationException(
                    "monitor.leaves.expiring-windows: '" + w + "' is not a duration such as 7d or 720h"));
            if (window.isNegative() || window.isZero()) {
                throw new ConfigurationException("monitor.leaves.expiring-windows must be positive durations");
            }
            parsed.add(window);
        }
        return parsed.stream().sorted().distinct().toList();
    }
}
