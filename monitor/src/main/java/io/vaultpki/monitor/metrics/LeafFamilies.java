package io.vaultpki.monitor.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.LeafCertificate;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.support.metrics.GaugeFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.vaultpki.monitor.metrics.RefreshNote.seconds;

/**
 * The leaf certificate families. They are relative to now (a leaf expires, enters an expiring window, leaves the
 * exported set), but only at instants known from the snapshot: {@link #describe} says when its answer next changes,
 * so a cache can keep it until then.
 */
final class LeafFamilies {

    private static final Logger LOG = LoggerFactory.getLogger(LeafFamilies.class);

    private final RefreshNote note;
    private final LeafSeriesConfiguration leafSeries;
    private final List<Duration> expiringWindows;
    private final AtomicBoolean capWarned = new AtomicBoolean();

    LeafFamilies(RefreshNote note, LeafSeriesConfiguration leafSeries) {
        this.note = note;
        this.leafSeries = leafSeries;
        this.expiringWindows = leafSeries.windows();
    }

    /**
     * Adds the leaf families as of {@code now} and returns the first instant after {@code now} at which a leaf
     * changes state or enters a window, so at which they would differ; {@link Instant#MAX} if never.
     */
    Instant describe(PkiSnapshot snapshot, Instant now, MetricSnapshots.Builder out) {
        GaugeFamily notAfter = note.gauge("vault_pki_certificate_not_after_timestamp_seconds",
                "End of validity of a non-revoked, unexpired leaf certificate, Unix seconds; by default only the"
                        + " newest per engine, common name and OU, capped soonest-expiring first.",
                "engine", "issuer", "serial", "common_name");
        GaugeFamily omitted = note.gauge("vault_pki_certificate_series_omitted",
                "Leaf certificate series left out by the monitor.leaves.max-series cap.", "engine");
        GaugeFamily states = note.gauge("vault_pki_certificates",
                "Leaf certificates stored by the engine, by state at scrape time (to the second).", "engine", "state");
        GaugeFamily expiring = note.gauge("vault_pki_certificates_expiring",
                "Valid, non-superseded leaf certificates expiring within the window (cumulative).", "engine",
                "window");

        Instant nextChange = Instant.MAX;
        List<Map.Entry<String, LeafCertificate>> candidates = new ArrayList<>();
        Map<String, Integer> omittedByEngine = new LinkedHashMap<>();
        for (EngineSnapshot engine : snapshot.engines()) {
            if (!engine.leavesCollected()) {
                continue;
            }
            omittedByEngine.put(engine.engine(), 0);
            Map<LeafState, Integer> counts = new EnumMap<>(LeafState.class);
            for (LeafState state : LeafState.values()) {
                counts.put(state, 0);
            }
            Map<Duration, Integer> windows = new LinkedHashMap<>();
            expiringWindows.forEach(w -> windows.put(w, 0));
            for (LeafCertificate leaf : engine.leaves()) {
                LeafState state = LeafState.of(leaf, now);
                counts.merge(state, 1, Integer::sum);
                if (state == LeafState.VALID || state == LeafState.SUPERSEDED && leafSeries.includeSuperseded()) {
                    candidates.add(Map.entry(engine.engine(), leaf));
                }
                if (state == LeafState.VALID || state == LeafState.SUPERSEDED) {
                    nextChange = earliest(nextChange, leaf.notAfter()); // expires: leaves valid and the series
                }
                if (state == LeafState.VALID) {
                    Duration left = Duration.between(now, leaf.notAfter());
                    windows.replaceAll((window, n) -> left.compareTo(window) <= 0 ? n + 1 : n);
                    for (Duration window : expiringWindows) {
                        Instant enters = leaf.notAfter().minus(window);
                        if (enters.isAfter(now)) {
                            nextChange = earliest(nextChange, enters);
                        }
                    }
                }
            }
            counts.forEach((state, n) -> states.add(n, engine.engine(), state.label()));
            windows.forEach((window, n) -> expiring.add(n, engine.engine(), WindowLabel.of(window)));
        }

        candidates.sort(Comparator.comparing((Map.Entry<String, LeafCertificate> c) -> c.getValue().notAfter())
                .thenComparing(Map.Entry::getKey)
                .thenComparing(c -> c.getValue().serial()));
        int max = leafSeries.maxSeries();
        for (int i = 0; i < candidates.size(); i++) {
            Map.Entry<String, LeafCertificate> candidate = candidates.get(i);
            LeafCertificate leaf = candidate.getValue();
            if (i < max) {
                notAfter.add(seconds(leaf.notAfter()), candidate.getKey(), leaf.issuerId(), leaf.serial(),
                        leaf.commonName());
            } else {
                omittedByEngine.merge(candidate.getKey(), 1, Integer::sum);
            }
        }
        if (candidates.size() > max && capWarned.compareAndSet(false, true)) {
            LOG.warn("{} leaf certificate series exceed monitor.leaves.max-series={}; exporting the soonest-expiring"
                    + " ones, vault_pki_certificate_series_omitted counts the rest", candidates.size(), max);
        }
        omittedByEngine.forEach((engine, n) -> omitted.add(n, engine));

        notAfter.addTo(out);
        omitted.addTo(out);
        states.addTo(out);
        expiring.addTo(out);
        return nextChange;
    }

    private static Instant earliest(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }
}
