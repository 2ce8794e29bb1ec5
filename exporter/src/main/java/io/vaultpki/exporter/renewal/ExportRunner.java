package io.vaultpki.exporter.renewal;

import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.audit.AuditEvent;
import io.vaultpki.exporter.audit.AuditSink;
import io.vaultpki.exporter.failure.Failures;
import io.vaultpki.exporter.failure.VaultReachability;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.files.ExportStore;
import io.vaultpki.exporter.files.WriteResult;
import io.vaultpki.exporter.hook.HookConfiguration;
import io.vaultpki.exporter.hook.HookContext;
import io.vaultpki.exporter.hook.HookResult;
import io.vaultpki.exporter.hook.HookRunner;
import io.vaultpki.exporter.hook.Hooks;
import io.vaultpki.exporter.material.CertificateMaterial;
import io.vaultpki.exporter.material.MaterialSource;
import io.vaultpki.exporter.metrics.ExporterMetrics;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * One attempt for one export: ask Vault, plan the renewal, validate and switch the files, run the hook, and leave
 * an audit line and metrics for each step. A failure at any step before the switch leaves the disk untouched and is
 * rethrown after it is recorded.
 */
public final class ExportRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExportRunner.class);

    private final MaterialSource source;
    private final ExportStore store;
    private final RenewalPolicy policy;
    private final HookRunner hookRunner;
    private final Hooks hooks;
    private final AuditSink audit;
    private final ExporterMetrics metrics;
    private final VaultReachability vault;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Semaphore vaultPermits;

    public ExportRunner(MaterialSource source, ExportStore store, RenewalPolicy policy, HookRunner hookRunner, Hooks hooks,
                 AuditSink audit, ExporterMetrics metrics, VaultReachability vault, Clock clock, Duration refreshInterval,
                 int concurrency) {
        this.source = source;
        this.store = store;
        this.policy = policy;
        this.hookRunner = hookRunner;
        this.hooks = hooks;
        this.audit = audit;
        this.metrics = metrics;
        this.vault = vault;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        this.vaultPermits = new Semaphore(concurrency, true);
    }

    /** Runs one attempt; a failure is recorded (metrics, audit, Vault's reachability) and rethrown. */
    public AttemptResult run(ExportSpec spec, Actor actor) {
        long started = System.nanoTime();
        try {
            CertificateMaterial material = obtain(spec, actor);
            Instant now = clock.instant();
            Instant renewAt;
            boolean shortened = false;
            if (spec.source().renews()) {
                RenewalPlan plan = policy.plan(spec, material.leaf());
                renewAt = plan.renewAt();
                shortened = plan.lifetimeShortened();
                if (shortened) {
                    LOG.warn("Export '{}': Vault issued {} of validity, too short for the renewal window; renewing at 2/3 "
                            + "of it instead. Vault's warnings: {}", spec.name(), plan.issuedLifetime(), material.warnings());
                }
            } else {
                renewAt = now.plus(refreshInterval);
            }
            WriteResult write = store.write(spec, material, renewAt, shortened);
            Optional<HookResult> hook = Optional.empty();
            if (write.switched()) {
                metrics.switched(spec.name());
                audit.record(AuditEvent.of(now, "file.switch", actor, spec.name(), "success")
                        .withSerial(write.metadata().serial()).withFile(write.metadata().version()));
                LOG.info("Export '{}': switched to serial {} (valid until {}, next renewal {})", spec.name(),
                        write.metadata().serial(), write.metadata().notAfter(), renewAt);
                hook = runHook(spec, write.metadata(), actor);
            }
            metrics.attempt(spec.name(), spec.source().wire(), write.switched() ? "success" : "skipped",
                    Duration.ofNanos(System.nanoTime() - started));
            return new AttemptResult(write, spec.source().renews(), renewAt, hook);
        } catch (RuntimeException e) {
            metrics.failed(spec.name(), spec.source().wire(), Failures.reason(e), Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }

    private CertificateMaterial obtain(ExportSpec spec, Actor actor) {
        String operation = operation(spec.source());
        long started = System.nanoTime();
        vaultPermits.acquireUninterruptibly();
        try {
            CertificateMaterial material = source.obtain(spec);
            vault.answered(clock.instant());
            metrics.vaultRequest(operation, "success", Duration.ofNanos(System.nanoTime() - started));
            audit.record(AuditEvent.of(clock.instant(), "vault." + operation, actor, spec.name(), "success")
                    .withSerial(material.serialNumber()).withDuration((System.nanoTime() - started) / 1_000_000));
            return material;
        } catch (RuntimeException e) {
            vault.failed(e, clock.instant());
            metrics.vaultRequest(operation, "failure", Duration.ofNanos(System.nanoTime() - started));
            audit.record(AuditEvent.of(clock.instant(), "vault." + operation, actor, spec.name(), "failure")
                    .withDetail(Failures.describe(e)).withDuration((System.nanoTime() - started) / 1_000_000));
            throw e;
        } finally {
            vaultPermits.release();
        }
    }

    /**
     * Runs the configured hook the export names, after a switch. The command always comes from {@link Hooks}; an
     * export carrying only a legacy inline command (from an older version's spec file) runs nothing.
     */
    private Optional<HookResult> runHook(ExportSpec spec, ExportMetadata metadata, Actor actor) {
        if (spec.hook() == null) {
            return Optional.empty();
        }
        Optional<HookConfiguration> configured = hooks.find(spec.hook());
        if (configured.isEmpty()) {
            // an API export persisted while the hook existed, started after the operator removed it
            LOG.warn("Export '{}': hook '{}' is not configured (exporter.hooks); nothing was run", spec.name(), spec.hook());
            audit.record(AuditEvent.of(clock.instant(), "hook.run", actor, spec.name(), "failure")
                    .withSerial(metadata.serial()).withHook(spec.hook(), null).withDetail("hook is not configured"));
            return Optional.empty();
        }
        HookConfiguration hook = configured.get();
        HookResult result = hookRunner.run(hook, new HookContext(spec.name(), store.directory(spec.name()),
                metadata.serial(), metadata.notAfter(), metadata.commonName()));
        metrics.hook(spec.name(), hook.name(), result.wire());
        audit.record(AuditEvent.of(clock.instant(), "hook.run", actor, spec.name(), result.wire())
                .withSerial(metadata.serial()).withHook(hook.name(), result.exitCode() < 0 ? null : result.exitCode())
                .withDetail(result.detail()).withDuration(result.duration().toMillis()));
        if (result.outcome() != HookResult.Outcome.SUCCESS) {
            // never fatal and never a reason to re-issue: the files are already switched and valid
            LOG.warn("Export '{}': hook '{}' {} ({}); files are switched and stay", spec.name(), hook.name(),
                    result.wire(), result.detail());
        }
        return Optional.of(result);
    }

    static String operation(Source source) {
        return switch (source) {
            case ISSUE -> "issue";
            case SIGN -> "sign";
            case ISSUER, CERTIFICATE -> "read";
        };
    }
}
