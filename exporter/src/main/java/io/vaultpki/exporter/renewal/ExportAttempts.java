package io.vaultpki.exporter.renewal;

import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.failure.Failures;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.registry.ExportStatus;
import io.vaultpki.exporter.registry.ManagedExport;
import io.vaultpki.exporter.spec.ExportSpec;
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
            Instant notAfter = managed.metadata().map(ExportMetadata::notAfter).orElse(null);
            Duration delay = policy.retryDelay(managed.consecutiveFailures() + 1, now, notAfter);
            int failures = managed.failed(Failures.describe(ex), now.plus(delay));
            LOG.warn("Export '{}' failed ({} in a row), files untouched; retrying in {} s: {}", spec.name(), failures,
                    delay.toSeconds(), Failures.describe(ex));
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
