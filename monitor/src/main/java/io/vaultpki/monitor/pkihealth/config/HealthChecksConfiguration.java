package io.vaultpki.monitor.pkihealth.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import jakarta.validation.constraints.Min;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code monitor.health-checks.*}: whether and how often the PKI health checks run, and how they are configured.
 * Checked when the context starts, with messages that name the setting; {@link HealthCheckConfigFactory} then reads
 * the file and the per-check settings into a {@link HealthCheckConfig}.
 *
 * @param enabled         whether the checks run at all (default true)
 * @param everyRefreshes  the checks run on every n-th refresh (default 10, at least 1)
 * @param configFile      optional path to a file in the Vault CLI's {@code -health-config} JSON format,
 *                        {@code {"<check>": {"enabled": <bool>, "<param>": <value>}}}
 * @param countedStatuses the statuses that count toward an engine's overall state (default warning and critical)
 * @param checks          per-check settings, {@code monitor.health-checks.checks.<check>.<enabled|param>}; they
 *                        override the file
 */
@Context
@ConfigurationProperties(HealthChecksConfiguration.PREFIX)
public record HealthChecksConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "10")
        @Min(value = 1, message = "monitor.health-checks.every-refreshes must be at least 1, was {validatedValue}")
        int everyRefreshes,
        @Nullable Path configFile,
        @Bindable(defaultValue = "warning,critical") @Nullable List<String> countedStatuses,
        @Nullable Map<String, Object> checks) {

    public static final String PREFIX = "monitor.health-checks";
    public static final String CONFIG_FILE = PREFIX + ".config-file";
    public static final String COUNTED_STATUSES = PREFIX + ".counted-statuses";
    public static final String CHECKS = PREFIX + ".checks";

    public HealthChecksConfiguration {
        countedStatuses = countedStatuses == null ? List.of("warning", "critical") : List.copyOf(countedStatuses);
        for (String label : countedStatuses) {
            if (CheckStatus.ofLabel(label).isEmpty()) {
                throw new ConfigurationException(COUNTED_STATUSES + " has an unknown status \"" + label.strip()
                        + "\"; known: " + String.join(", ", java.util.Arrays.stream(CheckStatus.values())
                        .map(CheckStatus::label).toList()));
            }
        }
        checks = checks == null ? Map.of() : Map.copyOf(checks);
    }

    /** The settings with every default: enabled, every 10 refreshes, no file, warning and critical counted. */
    public static HealthChecksConfiguration defaults() {
        return new HealthChecksConfiguration(true, 10, null, null, null);
    }
}
