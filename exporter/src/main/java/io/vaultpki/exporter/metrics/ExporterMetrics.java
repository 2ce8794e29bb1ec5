package io.vaultpki.exporter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Counters and timers of export attempts, file switches, hook runs and Vault calls. Per-export gauges (expiry,
 * renewal time, failures) are {@link ExportGaugesCollector}'s, read from the live state at scrape time.
 */
@Singleton
public class ExporterMetrics {

    private final MeterRegistry registry;

    public ExporterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One attempt ended: {@code success} (files switched), {@code skipped} (already current) or {@code failure}. */
    public void attempt(String export, String source, String outcome, Duration duration) {
        Counter.builder("vault_pki_exporter_exports")
                .description("Export attempts by outcome: success (new files switched in), skipped (already current), failure (files untouched).")
                .tags("export", export, "source", source, "outcome", outcome)
                .register(registry).increment();
        Timer.builder("vault_pki_exporter_export_duration")
                .description("Time of one export attempt: Vault call, validation and atomic write.")
                .tags("export", export)
                .publishPercentileHistogram()
                .register(registry).record(duration);
    }

    public void switched(String export) {
        Counter.builder("vault_pki_exporter_file_switches")
                .description("Atomic switches of an export's ..data link to a new version.")
                .tags("export", export)
                .register(registry).increment();
    }

    /** One hook run; {@code hook} is a configured hook's name (bounded by {@code exporter.hooks}). */
    public void hook(String export, String hook, String outcome) {
        Counter.builder("vault_pki_exporter_hook_runs")
                .description("Runs of configured post-write hooks by outcome (success, failure, timeout); a failed hook never re-issues.")
                .tags("export", export, "hook", hook, "outcome", outcome)
                .register(registry).increment();
    }

    public void vaultRequest(String operation, String outcome, Duration duration) {
        Timer.builder("vault_pki_exporter_vault_request_duration")
                .description("Vault calls made for exports (issue, sign, read), by outcome.")
                .tags("operation", operation, "outcome", outcome)
                .register(registry).record(duration);
    }
}
