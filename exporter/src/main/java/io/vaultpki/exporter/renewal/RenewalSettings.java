package io.vaultpki.exporter.renewal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * {@code exporter.renewal.*}: the renewal timing knobs shared by all exports. Defaults follow cert-manager's
 * 2/3-of-lifetime renewal with earlier-only jitter and a backoff that starts fast but never storms Vault. Checked
 * once, when the bean is built at start-up; every message names the setting.
 *
 * @param renewBeforePercent  renew when this percentage of the actual lifetime remains (1..90)
 * @param jitterPercent       jitter bound as a percentage of the lifetime (0..50); jitter only moves renewal earlier
 * @param jitterCap           absolute cap on the jitter
 * @param minIssuanceInterval minimum spacing of two issuances of one export (lifetime/10 when that is smaller)
 * @param retryInitial        upper bound of the first retry delay
 * @param retryMax            upper bound of any retry delay
 * @param windowFloorPercent  for exports with a {@code renew-window} and no {@code renew-window-floor}: when less than
 *                            this percentage of the actual lifetime remains, renew at once, window or not (1..90)
 */
@Context
@ConfigurationProperties(RenewalSettings.PREFIX)
public record RenewalSettings(
        @Bindable(defaultValue = "33") @Min(value = 1, message = RENEW_BEFORE) @Max(value = 90, message = RENEW_BEFORE)
        int renewBeforePercent,
        @Bindable(defaultValue = "5") @Min(value = 0, message = JITTER) @Max(value = 50, message = JITTER)
        int jitterPercent,
        @Bindable(defaultValue = "30m") Duration jitterCap,
        @Bindable(defaultValue = "5m") Duration minIssuanceInterval,
        @Bindable(defaultValue = "10s") Duration retryInitial,
        @Bindable(defaultValue = "5m") Duration retryMax,
        @Bindable(defaultValue = "10") @Min(value = 1, message = WINDOW_FLOOR) @Max(value = 90, message = WINDOW_FLOOR)
        int windowFloorPercent) {

    public static final String PREFIX = "exporter.renewal";
    static final String RENEW_BEFORE = PREFIX + ".renew-before-percent must be between 1 and 90, was {validatedValue}";
    static final String JITTER = PREFIX + ".jitter-percent must be between 0 and 50, was {validatedValue}";
    static final String WINDOW_FLOOR = PREFIX + ".window-floor-percent must be between 1 and 90, was {validatedValue}";
    /** The default of {@code window-floor-percent}. */
    public static final int DEFAULT_WINDOW_FLOOR_PERCENT = 10;

    @Creator
    public RenewalSettings {
        requirePositive("jitter-cap", jitterCap);
        requirePositive("min-issuance-interval", minIssuanceInterval);
        requirePositive("retry-initial", retryInitial);
        requirePositive("retry-max", retryMax);
        if (retryInitial.compareTo(retryMax) > 0) {
            throw new ConfigurationException(PREFIX + ".retry-initial (" + retryInitial + ") must not exceed "
                    + PREFIX + ".retry-max (" + retryMax + ")");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new ConfigurationException(PREFIX + "." + name + " must be a positive duration, was " + value);
        }
    }
}
