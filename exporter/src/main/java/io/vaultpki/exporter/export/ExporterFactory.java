package io.vaultpki.exporter.export;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.exporter.audit.AuditSink;
import io.vaultpki.exporter.config.ConfiguredExports;
import io.vaultpki.exporter.config.ExporterConfiguration;
import io.vaultpki.exporter.failure.VaultReachability;
import io.vaultpki.exporter.files.ExportStore;
import io.vaultpki.exporter.files.FilesConfiguration;
import io.vaultpki.exporter.hook.HookRunner;
import io.vaultpki.exporter.hook.Hooks;
import io.vaultpki.exporter.layout.ExportLayout;
import io.vaultpki.exporter.material.VaultMaterialSource;
import io.vaultpki.exporter.metrics.ExporterMetrics;
import io.vaultpki.exporter.registry.ExportRegistry;
import io.vaultpki.exporter.registry.SpecRepository;
import io.vaultpki.exporter.renewal.ExportAttempts;
import io.vaultpki.exporter.renewal.ExportRunner;
import io.vaultpki.exporter.renewal.RenewalJob;
import io.vaultpki.exporter.renewal.RenewalPolicy;
import io.vaultpki.exporter.renewal.RenewalScheduler;
import io.vaultpki.exporter.renewal.RenewalSettings;
import io.vaultpki.exporter.revocation.PendingRevocations;
import io.vaultpki.exporter.revocation.VaultRevoker;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the exporter's parts from its validated settings: the file store under the export root, the registry of
 * exports, the attempts and the renewal job that keep them current, the API's operations and the start-up step.
 * Every part is a plain class; this is the one place that knows how they fit.
 */
@Factory
public class ExporterFactory {

    private final Clock clock = Clock.systemUTC();

    @Singleton
    ExportLayout exportLayout(ExporterConfiguration config) {
        return config.layout();
    }

    @Singleton
    ExportStore exportStore(ExportLayout layout, FilesConfiguration files) {
        return new ExportStore(files.settings(layout.root()), clock);
    }

    @Singleton
    ExportRegistry exportRegistry() {
        return new ExportRegistry();
    }

    @Singleton
    SpecRepository specRepository(ExportLayout layout, ExporterConfiguration config) {
        return new SpecRepository(layout, config.defaultMount());
    }

    @Singleton
    RenewalPolicy renewalPolicy(RenewalSettings renewal) {
        return new RenewalPolicy(renewal, new SecureRandom());
    }

    @Singleton
    ExportAttempts exportAttempts(ExporterConfiguration config, RenewalPolicy policy, VaultClient vault,
                                  ExportStore store, Hooks hooks, AuditSink audit, ExporterMetrics metrics,
                                  VaultReachability reachability) {
        ExportRunner runner = new ExportRunner(new VaultMaterialSource(vault), store, policy, new HookRunner(), hooks,
                audit, metrics, reachability, clock, config.refreshInterval(), config.concurrency());
        return new ExportAttempts(runner, policy, clock);
    }

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
    RenewalJob renewalJob(ExportRegistry registry, ExportAttempts attempts, ExportWorkers workers) {
        return new RenewalJob(registry, attempts, clock, workers.pool());
    }

    @Singleton
    @Bean(preDestroy = "stop")
    RenewalScheduler renewalScheduler(RenewalJob job, ExportStore store, ExporterConfiguration config,
                                      ExportWorkers workers, PendingRevocations revocations) {
        return new RenewalScheduler(job, store, config.schedulerTick(), () -> revocations.dispatch(workers.pool()));
    }

    /** revoke-previous: the due revocations, on the scheduler's tick and at the end of a one-shot run. */
    @Singleton
    PendingRevocations pendingRevocations(ExportRegistry registry, ExportStore store, VaultClient vault,
                                          RenewalPolicy policy, AuditSink audit, ExporterMetrics metrics,
                                          VaultReachability reachability) {
        return new PendingRevocations(registry, store, new VaultRevoker(vault), policy, audit, metrics, reachability,
                clock);
    }

    @Singleton
    ExportOperations exportOperations(ExportRegistry registry, ExportAttempts attempts, ExportStore store,
                                      SpecRepository repository, Hooks hooks, AuditSink audit) {
        return new ExportOperations(registry, attempts, store, repository, hooks, audit, clock);
    }

    @Singleton
    StartupRecovery startupRecovery(Environment environment, ExporterConfiguration config, ExportRegistry registry,
                                    ExportStore store, SpecRepository repository, Hooks hooks,
                                    RenewalPolicy policy) {
        return new StartupRecovery(ConfiguredExports.read(environment, config.defaultMount(), hooks), registry, store,
                repository, hooks, clock, policy.windows());
    }

    /** The pool export attempts run on; shut down with the context. */
    public record ExportWorkers(ExecutorService pool) {
        public void close() {
            pool.shutdownNow();
        }
    }
}
