package io.vaultpki.monitor.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.vaultpki.monitor.refresh.RefreshConfiguration;
import io.vaultpki.monitor.refresh.SnapshotHolder;

import java.time.Clock;

/**
 * Registers the {@link PkiMetricsCollector} on the Prometheus registry behind {@code /metrics} at start-up, so the
 * PKI families appear next to Micrometer's own meters in every scrape.
 */
@Context
@Requires(beans = PrometheusMeterRegistry.class)
public class PkiMetricsRegistration {

    private final PkiMetricsCollector collector;

    public PkiMetricsRegistration(PrometheusMeterRegistry registry, SnapshotHolder snapshots,
                                  ExpiryThresholds thresholds, LeafSeriesConfiguration leafSeries,
                                  BuildInfo buildInfo, RefreshConfiguration refresh) {
        this.collector = new PkiMetricsCollector(snapshots, thresholds, leafSeries, buildInfo, refresh.interval(),
                Clock.systemUTC());
        registry.getPrometheusRegistry().register(collector);
    }

    /** The registered collector. */
    public PkiMetricsCollector collector() {
        return collector;
    }
}
