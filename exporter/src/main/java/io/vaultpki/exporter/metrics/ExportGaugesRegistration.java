package io.vaultpki.exporter.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.vaultpki.exporter.failure.VaultReachability;
import io.vaultpki.exporter.registry.ExportRegistry;

import java.time.Clock;

/**
 * Registers the per-export gauges on the Prometheus registry behind {@code /metrics}, and drops an export's
 * counters and histograms when the export goes (deleted, or its API create was rejected).
 */
@Context
@Requires(beans = PrometheusMeterRegistry.class)
public class ExportGaugesRegistration {

    public ExportGaugesRegistration(PrometheusMeterRegistry registry, ExportRegistry exports, VaultReachability vault,
                                    ExporterMetrics metrics) {
        registry.getPrometheusRegistry().register(new ExportGaugesCollector(exports::statuses, vault, Clock.systemUTC()));
        exports.onExportGone(metrics::forget);
    }
}
