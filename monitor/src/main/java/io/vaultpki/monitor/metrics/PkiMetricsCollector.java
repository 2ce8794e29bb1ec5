package io.vaultpki.monitor.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;

import java.time.Clock;
import java.time.Duration;

/**
 * Renders the current {@link PkiSnapshot} as Prometheus families on every call, as of {@link Clock#instant()}: the
 * reference rendering, for a client_java registry. {@code /metrics} serves the same families through
 * {@link ScrapeCache}, which renders each group only when it changes. It only reads the {@link SnapshotHolder}, so
 * a scrape never calls Vault; a series exists only while its object is in the snapshot, so an issuer deleted in
 * Vault disappears at the next refresh.
 */
public class PkiMetricsCollector implements MultiCollector {

    private final SnapshotHolder snapshots;
    private final PkiFamilies families;
    private final Clock clock;

    public PkiMetricsCollector(SnapshotHolder snapshots, ExpiryThresholds thresholds,
                               LeafSeriesConfiguration leafSeries, BuildInfo buildInfo, Duration refreshInterval,
                               Clock clock) {
        this.snapshots = snapshots;
        this.families = new PkiFamilies(thresholds, leafSeries, buildInfo, refreshInterval);
        this.clock = clock;
    }

    @Override
    public MetricSnapshots collect() {
        return families.all(snapshots.current(), clock.instant());
    }
}
