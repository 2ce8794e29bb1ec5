package io.vaultpki.exporter.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.vaultpki.exporter.export.ExportManager;
import io.vaultpki.exporter.export.VaultReachability;

import java.time.Clock;

/** Registers the per-export gauges on the Prometheus registry behind {@code /metrics}. */
@Context
@Requires(beans = PrometheusMeterRegistry.class)
public class ExportGaugesRegistration {

    public ExportGaugesRegistration(PrometheusMeterRegistry registry, ExportManager manager, VaultReachability vault) {
        registry.getPrometheusRegistry().register(new ExportGaugesCollector(manager::list, vault, Clock.systemUTC()));
    }
}
