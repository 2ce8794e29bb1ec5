package io.vaultpki.monitor.pkihealth.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the {@link HealthCheckConfig} bean when the context starts ({@link Context}), so that a bad file or
 * property stops start-up with one line naming it, rather than surfacing at the first health-check run.
 */
@Factory
public class HealthCheckConfigFactory {

    @Context
    HealthCheckConfig healthCheckConfig(HealthChecksConfiguration settings) {
        return of(settings);
    }

    /** The configuration {@code settings} describe, the file read from disk. */
    public static HealthCheckConfig of(HealthChecksConfiguration settings) {
        Map<String, Map<String, Object>> file = settings.configFile() == null ? Map.of()
                : CliConfigFile.read(settings.configFile());
        String fileName = settings.configFile() == null ? "" : settings.configFile().toString();
        return new HealthCheckConfig(settings.enabled(), settings.everyRefreshes(),
                CheckSettingsResolver.resolve(file, fileName, settings.checks()),
                settings.countedStatuses().stream().map(s -> CheckStatus.ofLabel(s).orElseThrow())
                        .collect(Collectors.toSet()));
    }
}
