package io.vaultpki.exporter.renewal;

import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.failure.Failures;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.registry.ExportStatus;
import io.vaultpki.exporter.registry.ManagedExport;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.window.WindowPlacement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Attempts on a managed export and what they leave in its state: a success records the new files and when the export
 * is due again; a failure leaves the files alone and schedules the retry with the policy's backoff. The loop guard
 * ({@link #earliestIssuance}) says when an export may be issued again at the earliest. The caller holds the export's
 * {@link ManagedExport#attemptLock() attempt lock}.
 */
public final class ExportAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(ExportAttempts.class);

    private final ExportRunner runner;
    private final RenewalPolicy policy;
    private final Clock clock;

    public ExportAttempts(ExportRunner runner, RenewalPolicy policy, Clock clock) {
        this.runner = runner;
        this.policy = policy;
        this.clock = clock;
    }

    /** Runs one attempt of {@code managed} with {@code spec} and records its outcome; rethrows a failure once recorded. */
    public AttemptResult attempt(ManagedExport managed, ExportSpec spec, Actor actor) {
        Instant now = clock.instant();
        try {
            AttemptResult result = runner.run(spec, actor);
            succeeded(managed, result, now);
            return result;
        } catch (RuntimeException ex) {
            ExportMetadata current = managed.metadata().orElse(null);
            Duration delay = policy.retryDelay(managed.consecutiveFailures() + 1, now,
                    current == null ? null : current.notAfter());
            // a retry of a planned renewal stays inside the window while above the floor
            WindowPlacement placed = policy.windows().place(spec, current, now.plus(delay));
            int failures = managed.failed(Failures.describe(ex), now.plus(delay));
            managed.placed(placed);
            if (placed != null && placed.deferred()) {
                LOG.warn("Export '{}' failed ({} in a row), files untouched; retrying at {} ({} {}): {}", spec.name(),
                        failures, placed.at(), placed.decision().wire(), spec.renewWindow(), Failures.describe(ex));
            } else {
                LOG.warn("Export '{}' failed ({} in a row), files untouched; retrying in {} s: {}", spec.name(),
                        failures, delay.toSeconds(), Failures.describe(ex));
            }
            throw ex;
        }
    }

    /**
     * Runs one attempt with {@code spec} without touching any export's state: for a change of spec, which must leave
     * the export exactly as it was when it fails. Record a success with {@link #succeeded}.
     */
    public AttemptResult tryOut(ExportSpec spec, Actor actor) {
        return runner.run(spec, actor);
    }

    /** Records a successful attempt that started at {@code startedAt}. */
    public void succeeded(ManagedExport managed, AttemptResult result, Instant startedAt) {
        boolean switched = result.write().switched();
        managed.succeeded(result.write().metadata(), result.issued() && switched, startedAt, result.next(),
                switched ? ExportStatus.Outcome.SUCCESS : ExportStatus.Outcome.UNCHANGED);
        WindowPlacement placed = policy.windows().place(managed.spec(), result.write().metadata(), result.next());
        managed.placed(placed);
        if (placed != null && placed.deferred()) {
            LOG.info("Export '{}': renewal planned for {} waits for the renew window '{}': next attempt at {} ({})",
                    managed.spec().name(), placed.planned(), managed.spec().renewWindow(), placed.at(),
                    placed.decision().wire());
        }
    }

    /**
     * The renew window's say at the moment of a scheduled attempt: where the attempt must go instead when it is a
     * planned renewal outside the window and above the floor; empty when it may run now. The API's renew never asks.
     */
    public Optional<WindowPlacement> windowWait(ManagedExport managed) {
        Instant now = clock.instant();
        WindowPlacement placed = policy.windows().place(managed.spec(), managed.metadata().orElse(null), now);
        return placed != null && placed.at().isAfter(now) ? Optional.of(placed) : Optional.empty();
    }

    /**
     * The loop guard: the earliest instant {@code managed} may be issued again, {@code minIssuanceInterval} after its
     * last issuance; empty for exports that are only read (issuer, certificate) or were never issued.
     */
    public Optional<Instant> earliestIssuance(ManagedExport managed) {
        if (!managed.spec().source().renews() || managed.lastIssuance() == null || managed.issuedLifetime() == null) {
            return Optional.empty();
        }
        return Optional.of(managed.lastIssuance().plus(policy.minIssuanceInterval(managed.issuedLifetime())));
    }
}
