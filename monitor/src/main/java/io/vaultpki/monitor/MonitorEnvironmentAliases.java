package io.vaultpki.monitor;

import io.micronaut.context.exceptions.ConfigurationException;
import io.vaultpki.client.GoDurations;
import io.vaultpki.monitor.mounts.MountsConfiguration;
import io.vaultpki.monitor.refresh.RefreshConfiguration;
import io.vaultpki.support.config.EnvironmentAlias;
import io.vaultpki.support.config.EnvironmentAliases;

import java.time.Duration;
import java.util.List;

/**
 * The variables of the Python vault-prometheus-exporter and the Nomad jobs that the monitor honours, each mapped onto
 * the monitor's own setting below every explicit setting (see {@link EnvironmentAliases}); registered as an
 * {@link io.micronaut.context.ApplicationContextConfigurer} service, so every context of the monitor has them.
 */
public final class MonitorEnvironmentAliases extends EnvironmentAliases {

    static final String INTERVAL = RefreshConfiguration.PREFIX + ".interval";

    public MonitorEnvironmentAliases() {
        super(List.of(
                EnvironmentAlias.of("PKI_MOUNT_PATH", MountsConfiguration.PREFIX + ".only"),
                new EnvironmentAlias("MONITOR_INTERVAL", INTERVAL, MonitorEnvironmentAliases::goDuration),
                EnvironmentAlias.seconds("METRIC_UPDATE_INTERVAL", INTERVAL)));
    }

    /**
     * A Go duration ({@code 90s}, {@code 1h}); whether it is positive is the setting's own check. Throws a
     * {@link ConfigurationException} rather than the usual {@link IllegalArgumentException} because this message
     * predates the alias table and operators (and {@code StartupMessagesTest}) know it word for word.
     */
    private static String goDuration(String value) {
        return GoDurations.parse(value).map(Duration::toString).orElseThrow(() -> new ConfigurationException(
                "MONITOR_INTERVAL is not a duration such as 90s or 1h: " + value));
    }
}
