package io.vaultpki.exporter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vaultpki.client.failure.FailureReason;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counters and timers of export attempts, file switches, hook runs and Vault calls, counted as they happen (no value
 * here is cached). Per-export gauges (expiry, renewal time, failures) are {@link ExportGaugesCollector}'s, read from
 * the live state at scrape time. Every series that carries an {@code export} label belongs to a managed export:
 * {@link #forget(String)} drops them when the export is deleted or its API create was rejected.
 */
@Singleton
public class ExporterMetrics {

    /** The label every per-export series carries. */
    public static final String EXPORT = "export";

    /**
     * Upper bounds of the export-duration histogram, in seconds: an attempt is a Vault call (an RSA key can take
     * Vault seconds to generate), validation, an atomic write and the hook, so 10 ms to a minute. Twelve explicit
     * buckets instead of Micrometer's 69-bucket percentile histogram keep each export at 15 series.
     */
    static final List<Duration> DURATION_BUCKETS = List.of(Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60));

    private final MeterRegistry registry;

    public ExporterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One attempt ended without failure: {@code success} (files switched) or {@code skipped} (already current). */
    public void attempt(String export, String source, String outcome, Duration duration) {
        Counter.builder("vault_pki_exporter_exports")
                .description("Export attempts by outcome: success (new files switched in), skipped (already current), failure (files untouched; the reason is in vault_pki_exporter_export_failures_total).")
                .tags(EXPORT, export, "source", source, "outcome", outcome)
                .register(registry).increment();
        Timer.builder("vault_pki_exporter_export_duration")
                .description("Time of one export attempt: Vault call, validation, atomic write and hook.")
                .tags(EXPORT, export)
                .serviceLevelObjectives(DURATION_BUCKETS.toArray(Duration[]::new))
                .register(registry).record(duration);
    }

    /** One attempt failed (files untouched), for {@code reason}: counted as a {@code failure} attempt and by reason. */
    public void failed(String export, String source, FailureReason reason, Duration duration) {
        attempt(export, source, "failure", duration);
        Counter.builder("vault_pki_exporter_export_failures")
                .description("Failed export attempts by reason (unreachable, timeout, tls, sealed, standby, rate_limited, permission_denied, not_found, invalid_request, server_error, parse_error, internal).")
                .tags(EXPORT, export, "source", source, "reason", reason.label())
                .register(registry).increment();
    }

    public void switched(String export) {
        Counter.builder("vault_pki_exporter_file_switches")
                .description("Atomic switches of an export's ..data link to a new version.")
                .tags(EXPORT, export)
                .register(registry).increment();
    }

    /** One hook run; {@code hook} is a configured hook's name (bounded by {@code exporter.hooks}). */
    public void hook(String export, String hook, String outcome) {
        Counter.builder("vault_pki_exporter_hook_runs")
                .description("Runs of configured post-write hooks by outcome (success, failure, timeout); a failed hook never re-issues.")
                .tags(EXPORT, export, "hook", hook, "outcome", outcome)
                .register(registry).increment();
    }

    /**
     * One revocation attempt of a certificate a switch replaced (revoke-previous): {@code revoked},
     * {@code already_revoked}, {@code expired} (all three done) or {@code failure} (retried with back-off).
     */
    public void revocation(String export, String outcome) {
        Counter.builder("vault_pki_exporter_revocations")
                .description("Revocations of replaced certificates (revoke-previous) by outcome: revoked, already_revoked, expired (done), failure (retried; files never touched).")
                .tags(EXPORT, export, "outcome", outcome)
                .register(registry).increment();
    }

    /** The gauge of {@code export}'s replaced certificates still to revoke, read from {@code pending} at each scrape. */
    public void pendingRevocations(String export, AtomicInteger pending) {
        Gauge.builder("vault_pki_exporter_pending_revocations", pending, AtomicInteger::get)
                .description("Replaced certificates of an export with revoke-previous still to revoke (waiting for the readers' grace period or retrying).")
                .tags(EXPORT, export)
                .strongReference(true)
                .register(registry);
    }

    public void vaultRequest(String operation, String outcome, Duration duration) {
        Timer.builder("vault_pki_exporter_vault_request_duration")
                .description("Vault calls made for exports (issue, sign, read, revoke), by outcome.")
                .tags("operation", operation, "outcome", outcome)
                .register(registry).record(duration);
    }

    /**
     * Removes every series labelled {@code export="<export>"} (attempts, failures, durations, switches, hooks, key
     * downloads, revocations), so a deleted export or a rejected create leaves nothing behind in {@code /metrics}.
     */
    public void forget(String export) {
        for (Meter meter : List.copyOf(registry.getMeters())) {
            if (export.equals(meter.getId().getTag(EXPORT))) {
                registry.remove(meter);
            }
        }
    }
}
