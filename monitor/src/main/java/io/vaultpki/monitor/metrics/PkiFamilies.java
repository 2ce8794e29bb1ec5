package io.vaultpki.monitor.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.RefreshConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * Every PKI family of a {@link PkiSnapshot}, in groups that change for different reasons: with the issuers, the
 * CRLs, the monitor's state or the health-check results in a new snapshot, with the time to the second (the
 * compatibility countdown), or at instants the snapshot foretells (the leaf families). {@link ScrapeCache}
 * renders each group only when it changes; {@link PkiMetricsCollector} renders all of them on every call.
 */
@Singleton
public class PkiFamilies {

    private final IssuerFamilies issuers;
    private final CrlFamilies crls;
    private final LeafFamilies leaves;
    private final MonitorFamilies monitor;
    private final HealthFamilies health = new HealthFamilies();
    private final TidyFamilies tidy = new TidyFamilies();

    @Inject
    public PkiFamilies(ExpiryThresholds thresholds, LeafSeriesConfiguration leafSeries, BuildInfo buildInfo,
                       RefreshConfiguration refresh) {
        this(thresholds, leafSeries, buildInfo, refresh.interval());
    }

    public PkiFamilies(ExpiryThresholds thresholds, LeafSeriesConfiguration leafSeries, BuildInfo buildInfo,
                       Duration refreshInterval) {
        RefreshNote note = new RefreshNote(refreshInterval);
        this.issuers = new IssuerFamilies(note);
        this.crls = new CrlFamilies(note);
        this.leaves = new LeafFamilies(note, leafSeries);
        this.monitor = new MonitorFamilies(note, thresholds, refreshInterval, buildInfo);
    }

    /** {@code vault_issuer_validity_seconds}: not_after − {@code now}. */
    public MetricSnapshots validity(PkiSnapshot snapshot, Instant now) {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        issuers.validity(snapshot, now, out);
        return out.build();
    }

    /** The issuers' timestamps and attributes. */
    public MetricSnapshots issuers(PkiSnapshot snapshot) {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        issuers.describe(snapshot, out);
        return out.build();
    }

    public MetricSnapshots crls(PkiSnapshot snapshot) {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        crls.describe(snapshot, out);
        return out.build();
    }

    /**
     * The leaf families as of {@code now}.
     *
     * @param families  the families
     * @param changesAt the first instant after {@code now} at which they differ, {@link Instant#MAX} if never
     */
    public record Leaves(MetricSnapshots families, Instant changesAt) {
    }

    public Leaves leaves(PkiSnapshot snapshot, Instant now) {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        Instant changesAt = leaves.describe(snapshot, now, out);
        return new Leaves(out.build(), changesAt);
    }

    /** The monitor's state and configuration. */
    public MetricSnapshots monitor(PkiSnapshot snapshot) {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        monitor.describe(snapshot, out);
        return out.build();
    }

    /** The engines' latest health-check runs: check statuses and the tidy gauges. */
    public MetricSnapshots health(PkiSnapshot snapshot) {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        health.describe(snapshot, out);
        tidy.describe(snapshot, out);
        return out.build();
    }

    /** When the engines' latest health-check runs read Vault. */
    public MetricSnapshots healthRuns(PkiSnapshot snapshot) {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        health.describeRuns(snapshot, out);
        return out.build();
    }

    /** All of them at once, as of {@code now}. */
    MetricSnapshots all(PkiSnapshot snapshot, Instant now) {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        issuers.validity(snapshot, now, out);
        issuers.describe(snapshot, out);
        crls.describe(snapshot, out);
        leaves.describe(snapshot, now, out);
        monitor.describe(snapshot, out);
        health.describe(snapshot, out);
        health.describeRuns(snapshot, out);
        tidy.describe(snapshot, out);
        return out.build();
    }
}
