package io.vaultpki.exporter.revocation;

import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.audit.AuditEvent;
import io.vaultpki.exporter.audit.AuditSink;
import io.vaultpki.exporter.failure.Failures;
import io.vaultpki.exporter.failure.VaultReachability;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.files.ExportStore;
import io.vaultpki.exporter.files.PendingRevocation;
import io.vaultpki.exporter.files.RevocationRecord;
import io.vaultpki.exporter.metrics.ExporterMetrics;
import io.vaultpki.exporter.registry.ExportRegistry;
import io.vaultpki.exporter.registry.ManagedExport;
import io.vaultpki.exporter.renewal.RenewalPolicy;
import io.vaultpki.exporter.spec.ExportSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Revokes the certificates that switches of revoke-previous exports replaced, once each is due: past the readers'
 * grace period ({@code exporter.files.grace}) and past any back-off. The serial and mount are always the ones the
 * export's ledger recorded from its own replaced version, never a request's. A failure is classified, counted,
 * audited ({@code vault.revoke}) and retried with {@link RenewalPolicy#retryDelay}; it never touches the files and
 * never waits for or blocks a renewal (no attempt lock is taken). An entry stays pending until it is done or the
 * certificate has expired (then there is nothing left to revoke). An export whose spec no longer asks for
 * revoke-previous keeps its pending entries, unprocessed, until it asks again or is deleted.
 *
 * <p>The service runs {@link #runDue(Instant)} on every scheduler tick ({@link #dispatch}); a one-shot run calls it
 * once at its end, and whatever is not due yet stays in the ledger for the next run or the service.
 */
public final class PendingRevocations {

    private static final Logger LOG = LoggerFactory.getLogger(PendingRevocations.class);

    private final ExportRegistry registry;
    private final ExportStore store;
    private final Revoker revoker;
    private final RenewalPolicy policy;
    private final AuditSink audit;
    private final ExporterMetrics metrics;
    private final VaultReachability vault;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, AtomicInteger> pendingGauges = new ConcurrentHashMap<>();
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    /** What the last read of an export's ledger said, so a tick re-reads it only when something can have changed. */
    private record Checked(Instant versionWrittenAt, Instant nextDue) {
    }

    public PendingRevocations(ExportRegistry registry, ExportStore store, Revoker revoker, RenewalPolicy policy,
                              AuditSink audit, ExporterMetrics metrics, VaultReachability vault, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.revoker = revoker;
        this.policy = policy;
        this.audit = audit;
        this.metrics = metrics;
        this.vault = vault;
        this.clock = clock;
        registry.onExportGone(name -> {
            pendingGauges.remove(name);
            checked.remove(name);
        });
    }

    /** Runs every due revocation of every managed export; see {@link #runDue(Instant, Set)}. */
    public RevocationRun runDue(Instant now) {
        return runDue(now, null);
    }

    /**
     * Runs, one after another, every revocation due at {@code now} of the managed exports named in {@code only}
     * ({@code null}: all) that have revoke-previous, and returns what happened. Not-yet-due entries stay pending.
     */
    public RevocationRun runDue(Instant now, Set<String> only) {
        RevocationRun.Builder run = new RevocationRun.Builder();
        for (ManagedExport managed : registry.all()) {
            ExportSpec spec = managed.spec();
            if (!spec.revokePrevious() || only != null && !only.contains(spec.name())) {
                continue;
            }
            try {
                runExport(managed, now, run);
            } catch (RuntimeException e) {
                // the ledger could not be read or written: the next tick tries again
                LOG.warn("Export '{}': revocations not processed: {}", spec.name(), Failures.describe(e));
                checked.remove(spec.name());
            }
        }
        return run.build();
    }

    /**
     * What {@link #runDue(Instant, Set)} would try at {@code now}, without a Vault call or a write: for a dry run.
     * Keys are export names, in registry order; exports with nothing due are left out.
     */
    public Map<String, List<PendingRevocation>> due(Instant now, Set<String> only) {
        return due(registry.all(), now, only);
    }

    /** {@link #due(Instant, Set)} over {@code exports} (a dry run's previewed exports, which the registry lacks). */
    public Map<String, List<PendingRevocation>> due(Collection<ManagedExport> exports, Instant now, Set<String> only) {
        Map<String, List<PendingRevocation>> out = new LinkedHashMap<>();
        for (ManagedExport managed : exports) {
            ExportSpec spec = managed.spec();
            if (!spec.revokePrevious() || only != null && !only.contains(spec.name())) {
                continue;
            }
            List<PendingRevocation> due = store.revocations(spec.name()).pending().stream()
                    .filter(p -> p.isDue(now)).toList();
            if (!due.isEmpty()) {
                out.put(spec.name(), due);
            }
        }
        return out;
    }

    /** On the service's scheduler tick: one {@link #runDue(Instant)} on the worker pool unless one is running. */
    public void dispatch(ExecutorService workers) {
        if (registry.all().stream().noneMatch(e -> e.spec().revokePrevious())) {
            return; // the common case: nothing to do, no task
        }
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            workers.submit(() -> {
                try {
                    runDue(clock.instant());
                } finally {
                    running.set(false);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            running.set(false);
        }
    }

    private void runExport(ManagedExport managed, Instant now, RevocationRun.Builder run) {
        String name = managed.spec().name();
        Instant version = managed.metadata().map(ExportMetadata::writtenAt).orElse(null);
        Checked last = checked.get(name);
        if (last != null && Objects.equals(last.versionWrittenAt(), version) && now.isBefore(last.nextDue())) {
            run.stillPending(pendingGauges.get(name).get());
            return;
        }
        RevocationRecord record = store.revocations(name);
        String current = store.current(name).map(ExportMetadata::serial).orElse(null);
        for (PendingRevocation entry : record.pending()) {
            if (!registry.isManaged(managed)) {
                return; // deleted meanwhile: deleting never revokes, and leaves no series behind
            }
            if (entry.isDue(now)) {
                record = attempt(name, entry, current, now, run);
            }
        }
        if (!registry.isManaged(managed)) {
            return;
        }
        Instant nextDue = Instant.MAX;
        for (PendingRevocation entry : record.pending()) {
            Instant due = entry.nextAttempt() == null || entry.nextAttempt().isBefore(entry.dueAt())
                    ? entry.dueAt() : entry.nextAttempt();
            nextDue = due.isBefore(nextDue) ? due : nextDue;
        }
        checked.put(name, new Checked(version, nextDue));
        gauge(name).set(record.pending().size());
        run.stillPending(record.pending().size());
    }

    private RevocationRecord attempt(String name, PendingRevocation entry, String current, Instant now,
                                     RevocationRun.Builder run) {
        String serial = entry.serial();
        if (serial.equals(current)) {
            // never revoke what readers use now (a ledger written by hand, or an export switched back to it)
            LOG.warn("Export '{}': serial {} is the current certificate; not revoking it", name, serial);
            return store.updateRevocations(name, r -> r.with(serial, null, null));
        }
        if (!now.isBefore(entry.notAfter())) {
            return finished(name, entry, RevocationOutcome.EXPIRED, now, 0, run);
        }
        long started = System.nanoTime();
        RevocationOutcome outcome;
        try {
            outcome = revoker.revoke(entry.mount(), serial);
        } catch (RuntimeException e) {
            vault.failed(e, clock.instant());
            metrics.vaultRequest("revoke", "failure", Duration.ofNanos(System.nanoTime() - started));
            String error = Failures.describe(e);
            Duration delay = policy.retryDelay(entry.attempts() + 1, now, entry.notAfter());
            PendingRevocation retry = entry.failed(error, now.plus(delay));
            metrics.revocation(name, RevocationOutcome.FAILURE.label());
            audit.record(AuditEvent.of(clock.instant(), "vault.revoke", Actor.SYSTEM, name, "failure")
                    .withSerial(serial).withDetail(error).withDuration((System.nanoTime() - started) / 1_000_000));
            LOG.warn("Export '{}': revoking replaced certificate {} on {} failed ({} in a row; files untouched), retrying"
                    + " in {} s: {}", name, serial, entry.mount(), retry.attempts(), delay.toSeconds(), error);
            run.failed(name, serial, error);
            return store.updateRevocations(name, r -> r.with(serial, retry,
                    new RevocationRecord.Last(serial, RevocationOutcome.FAILURE.label(), now, error)));
        }
        vault.answered(clock.instant());
        metrics.vaultRequest("revoke", "success", Duration.ofNanos(System.nanoTime() - started));
        return finished(name, entry, outcome, now, (System.nanoTime() - started) / 1_000_000, run);
    }

    private RevocationRecord finished(String name, PendingRevocation entry, RevocationOutcome outcome, Instant now,
                                      long millis, RevocationRun.Builder run) {
        metrics.revocation(name, outcome.label());
        audit.record(AuditEvent.of(clock.instant(), "vault.revoke", Actor.SYSTEM, name, "success")
                .withSerial(entry.serial()).withDetail(outcome.label()).withDuration(millis));
        LOG.info("Export '{}': replaced certificate {} on {}: {}", name, entry.serial(), entry.mount(), outcome.label());
        run.done(outcome);
        return store.updateRevocations(name, r -> r.with(entry.serial(), null,
                new RevocationRecord.Last(entry.serial(), outcome.label(), now, null)));
    }

    private AtomicInteger gauge(String name) {
        return pendingGauges.computeIfAbsent(name, n -> {
            AtomicInteger value = new AtomicInteger();
            metrics.pendingRevocations(n, value);
            return value;
        });
    }
}
