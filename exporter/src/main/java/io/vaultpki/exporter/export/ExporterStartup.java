package io.vaultpki.exporter.export;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.vaultpki.exporter.renewal.RenewalScheduler;

/**
 * The exporter's start-up order. While the context starts, only the configuration is checked (a bad setting stops it
 * before the port is bound). Once the HTTP server has bound its port: {@link StartupRecovery} recovers the export
 * directory and loads the exports (a failure there, such as a name defined in configuration and through the API,
 * still stops start-up), then the {@link RenewalScheduler} starts. Nothing before the bind touches the export
 * directory or Vault, so a port clash stops the exporter before any certificate is issued or file written;
 * readiness stays DOWN until the exports are loaded.
 */
@Context
public class ExporterStartup implements ApplicationEventListener<ServerStartupEvent> {

    private final StartupRecovery recovery;
    private final RenewalScheduler scheduler;

    public ExporterStartup(StartupRecovery recovery, RenewalScheduler scheduler) {
        this.recovery = recovery;
        this.scheduler = scheduler;
        // fail start-up now, with the setting named, rather than after the port is bound
        recovery.checkConfiguration();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        recovery.start();
        scheduler.start();
    }
}
