package io.vaultpki.monitor.pkihealth.input;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code <mount>/config/auto-tidy} (https://developer.hashicorp.com/vault/api-docs/secret/pki#configure-automatic-tidy),
 * the fields the checks use.
 *
 * @param enabled          auto-tidy runs
 * @param intervalDuration {@code interval_duration}: time between two tidies
 * @param pauseDuration    {@code pause_duration}: pause between two certificates of one tidy
 */
public record AutoTidyConfig(boolean enabled, Duration intervalDuration, Duration pauseDuration) {

    public AutoTidyConfig {
        Objects.requireNonNull(intervalDuration, "intervalDuration");
        Objects.requireNonNull(pauseDuration, "pauseDuration");
    }
}
