package io.vaultpki.exporter.export;

import io.micronaut.context.annotation.Context;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.vaultpki.exporter.config.ExporterConfiguration;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts the export manager once the HTTP server has bound its port and then looks for due exports every tick; old
 * versions are collected once a minute. Nothing before the bind touches the export directory or Vault, so a port
 * clash stops the exporter before any certificate is issued or file written; readiness stays DOWN until the
 * manager has recovered the export directory. The tick only dispatches: attempts run on the worker pool, so a slow
 * Vault never delays the next check of other exports.
 */
@Context
public class ExportScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ExportScheduler.class);
    private static final Duration GC_PERIOD = Duration.ofMinutes(1);

    private final ExportManager manager;
    private final Duration tick;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "export-scheduler");
        t.setDaemon(true);
        return t;
    });

    public ExportScheduler(ExportManager manager, ExporterConfiguration config) {
        this.manager = manager;
        this.tick = config.schedulerTick();
        // fail start-up now, with the setting named, rather than after the port is bound
        manager.checkConfiguration();
    }

    /**
     * The port is bound: recover the export directory, load the exports (a failure here, such as a name defined in
     * configuration and through the API, still stops start-up) and start ticking.
     */
    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        manager.start();
        timer.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::collect, GC_PERIOD.toMillis(), GC_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            manager.runDue(false);
        } catch (RuntimeException e) {
            LOG.error("Export scheduler tick failed; next tick in {}", tick, e);
        }
    }

    private void collect() {
        try {
            int removed = manager.collectGarbage();
            if (removed > 0) {
                LOG.debug("Removed {} old export version(s)", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Collecting old export versions failed: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
