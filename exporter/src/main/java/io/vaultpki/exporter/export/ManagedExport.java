package io.vaultpki.exporter.export;

import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Origin;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exporter's live state of one export. Fields change under the instance's monitor; {@link #attemptLock()} makes
 * attempts single-flight per export, so a scheduled renewal and an API renew never both ask Vault.
 */
final class ManagedExport {

    private final ReentrantLock attemptLock = new ReentrantLock();
    private final Origin origin;
    private final Path directory;
    private ExportSpec spec;
    private ExportMetadata metadata;
    private ExportStatus.Outcome lastOutcome = ExportStatus.Outcome.PENDING;
    private String lastError;
    private int consecutiveFailures;
    private Instant lastSuccess;
    private Instant nextAttempt;
    private Instant lastIssuance;
    private Duration issuedLifetime;

    ManagedExport(ExportSpec spec, Origin origin, Path directory, Instant nextAttempt) {
        this.spec = spec;
        this.origin = origin;
        this.directory = directory;
        this.nextAttempt = nextAttempt;
    }

    ReentrantLock attemptLock() {
        return attemptLock;
    }

    Origin origin() {
        return origin;
    }

    synchronized ExportSpec spec() {
        return spec;
    }

    synchronized void spec(ExportSpec value) {
        this.spec = value;
    }

    synchronized Optional<ExportMetadata> metadata() {
        return Optional.ofNullable(metadata);
    }

    synchronized Instant nextAttempt() {
        return nextAttempt;
    }

    synchronized Instant lastIssuance() {
        return lastIssuance;
    }

    synchronized Duration issuedLifetime() {
        return issuedLifetime;
    }

    /**
     * Files already on disk at start-up. {@code sameSpec}: they were made from the current spec, so their issuance
     * counts for the minimum interval; a changed spec must re-issue at once.
     */
    synchronized void adopted(ExportMetadata current, Instant next, boolean sameSpec) {
        metadata = current;
        nextAttempt = next;
        if (sameSpec) {
            issuedLifetime = Duration.ofSeconds(current.issuedLifetimeSeconds());
            lastIssuance = current.writtenAt();
        }
    }

    synchronized void succeeded(ExportMetadata current, boolean issued, Instant now, Instant next,
                                ExportStatus.Outcome outcome) {
        metadata = current;
        lastOutcome = outcome;
        lastError = null;
        consecutiveFailures = 0;
        lastSuccess = now;
        nextAttempt = next;
        if (issued) {
            lastIssuance = now;
            issuedLifetime = Duration.ofSeconds(current.issuedLifetimeSeconds());
        }
    }

    /** Records a failure; returns the new failure count. Files and metadata stay as they were. */
    synchronized int failed(String error, Instant next) {
        lastOutcome = ExportStatus.Outcome.FAILURE;
        lastError = error;
        consecutiveFailures++;
        nextAttempt = next;
        return consecutiveFailures;
    }

    synchronized void reschedule(Instant next) {
        nextAttempt = next;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized ExportStatus status() {
        return new ExportStatus(spec, origin, Optional.ofNullable(metadata), lastOutcome, lastError,
                consecutiveFailures, lastSuccess, nextAttempt, directory);
    }
}
