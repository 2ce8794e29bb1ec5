package io.vaultpki.exporter.export;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.vaultpki.client.VaultClient;
import io.vaultpki.exporter.audit.AuditSink;
import io.vaultpki.exporter.config.ConfiguredExports;
import io.vaultpki.exporter.config.ExporterConfiguration;
import io.vaultpki.exporter.files.ExportStore;
import io.vaultpki.exporter.files.FilesConfiguration;
import io.vaultpki.exporter.hook.HookRunner;
import io.vaultpki.exporter.hook.Hooks;
import io.vaultpki.exporter.layout.ExportLayout;
import io.vaultpki.exporter.material.VaultMaterialSource;
import io.vaultpki.exporter.metrics.ExporterMetrics;
import io.vaultpki.exporter.renewal.RenewalPolicy;
import io.vaultpki.exporter.renewal.RenewalSettings;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires the exporter's parts from its validated configuration. */
@Factory
public class ExporterFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ExportWorkers workers(ExporterConfiguration config) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "export-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new ExportWorkers(pool);
    }

    @Singleton
    ExportLayout exportLayout(ExporterConfiguration config) {
        return config.layout();
    }

    @Singleton
    ExportStore exportStore(ExportLayout layout, FilesConfiguration files) {
        return new ExportStore(files.settings(layout.root()), Clock.systemUTC());
    }

    @Singleton
    RenewalPolicy renewalPolicy(RenewalSettings renewal) {
        return new RenewalPolicy(renewal, new SecureRandom());
    }

    @Singleton
    ExportManager exportManager(Environment environment, ExporterConfiguration config, ExportStore store,
                                VaultClient vault, RenewalPolicy policy, AuditSink audit, ExporterMetrics metrics,
                                VaultReachability reachability, ExportWorkers workers, Hooks hooks,
                                ExportLayout layout) {
        Clock clock = Clock.systemUTC();
        ExportRunner runner = new ExportRunner(new VaultMaterialSource(vault), store, policy, new HookRunner(), hooks,
                audit, metrics, reachability, clock, config.refreshInterval(), config.concurrency());
        return new ExportManager(ConfiguredExports.read(environment, config.defaultMount(), hooks), store,
                new SpecRepository(layout, config.defaultMount()), runner, policy, audit, clock, workers.pool());
    }

    /** The pool export attempts run on; shut down with the context. */
    public record ExportWorkers(ExecutorService pool) {
        public void close() {
            pool.shutdownNow();
        }
    }
}
