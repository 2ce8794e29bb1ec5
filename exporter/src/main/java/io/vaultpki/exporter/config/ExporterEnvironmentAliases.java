package io.vaultpki.exporter.config;

import io.vaultpki.support.config.EnvironmentAlias;
import io.vaultpki.support.config.EnvironmentAliases;

import java.util.List;

/**
 * The variables of the Nomad job and the tools the exporter replaces, mapped onto its settings: the only place the
 * exporter reads them. Each fills its setting only when nothing else sets it ({@code exporter.path} in a file or
 * {@code EXPORTER_PATH} wins over {@code CERT_EXPORT_PATH}); a value in the wrong format stops start-up naming the
 * variable. Registered as an {@link io.micronaut.context.ApplicationContextConfigurer} service, so the application
 * and every test context get it.
 */
public final class ExporterEnvironmentAliases extends EnvironmentAliases {

    public ExporterEnvironmentAliases() {
        super(List.of(
                EnvironmentAlias.of("CERT_EXPORT_PATH", "exporter.path"),
                EnvironmentAlias.of("PKI_MOUNT_PATH", "exporter.default-mount"),
                EnvironmentAlias.goDuration("MONITOR_INTERVAL", "exporter.refresh-interval")));
    }
}
