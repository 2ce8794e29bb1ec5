package io.vaultpki.exporter.renewal;

import java.time.Duration;

/**
 * The renewal timing knobs shared by all exports ({@code exporter.renewal.*}). Defaults follow cert-manager's
 * 2/3-of-lifetime renewal with earlier-only jitter and a backoff that starts fast but never storms Vault.
 *
 * @param renewBeforePercent  renew when this percentage of the actual lifetime remains (1..90)
 * @param jitterPercent       jitter bound as a percentage of the lifetime (0..50); jitter only moves renewal earlier
 * @param jitterCap           absolute cap on the jitter
 * @param minIssuanceInterval minimum spacing of two issuances of one export (lifetime/10 when that is smaller)
 * @param retryInitial        upper bound of the first retry delay
 * @param retryMax            upper bound of any retry delay
 */
public record RenewalSettings(int renewBeforePercent, int jitterPercent, Duration jitterCap,
                              Duration minIssuanceInterval, Duration retryInitial, Duration retryMax) {

    public static final String PREFIX = "exporter.renewal";

    public RenewalSettings {
        if (renewBeforePercent < 1 || renewBeforePercent > 90) {
            throw new IllegalArgumentException(PREFIX + ".renew-before-percent must be between 1 and 90, was " + renewBeforePercent);
        }
        if (jitterPercent < 0 || jitterPercent > 50) {
            throw new IllegalArgumentException(PREFIX + ".jitter-percent must be between 0 and 50, was " + jitterPercent);
        }
        requirePositive("jitter-cap", jitterCap);
        requirePositive("min-issuance-interval", minIssuanceInterval);
        requirePositive("retry-initial", retryInitial);
        requirePositive("retry-max", retryMax);
        if (retryInitial.compareTo(retryMax) > 0) {
            throw new IllegalArgumentException(PREFIX + ".retry-initial (" + retryInitial + ") must not exceed "
                    + PREFIX + ".retry-max (" + retryMax + ")");
        }
    }

    /** Renew at 2/3 of the lifetime, jitter up to 5% capped at 30 min, 5 min between issuances, retry 10 s to 5 min. */
    public static RenewalSettings defaults() {
        return new RenewalSettings(33, 5, Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofSeconds(10),
                Duration.ofMinutes(5));
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(PREFIX + "." + name + " must be a positive duration, was " + value);
        }
    }
}
