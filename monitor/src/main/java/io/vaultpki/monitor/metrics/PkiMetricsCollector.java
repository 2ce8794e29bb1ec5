package io.vaultpki.monitor.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vaultpki.monitor.refresh.CrlInfo;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.IssuerInfo;
import io.vaultpki.monitor.refresh.LeafCertificate;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import io.vaultpki.monitor.refresh.VaultState;
import io.vaultpki.support.metrics.GaugeFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Renders the current {@link PkiSnapshot} as Prometheus families at each scrape. It only reads the
 * {@link SnapshotHolder}, so a scrape never calls Vault; values relative to now (the compatibility countdown, leaf
 * states, expiry windows) are computed with {@link Clock} at scrape time, not at refresh time. A series exists only
 * while its object is in the snapshot, so an issuer deleted in Vault disappears at the next refresh.
 */
public class PkiMetricsCollector implements MultiCollector {

    private static final Logger LOG = LoggerFactory.getLogger(PkiMetricsCollector.class);

    private final SnapshotHolder snapshots;
    private final ExpiryThresholds thresholds;
    private final LeafSeriesConfiguration leafSeries;
    private final List<Duration> expiringWindows;
    private final BuildInfo buildInfo;
    private final Clock clock;
    private final String cachedNote;
    private final Duration refreshInterval;
    private final AtomicBoolean capWarned = new AtomicBoolean();

    public PkiMetricsCollector(SnapshotHolder snapshots, ExpiryThresholds thresholds,
                               LeafSeriesConfiguration leafSeries, BuildInfo buildInfo, Duration refreshInterval,
                               Clock clock) {
        this.snapshots = snapshots;
        this.thresholds = thresholds;
        this.leafSeries = leafSeries;
        this.expiringWindows = leafSeries.windows();
        this.buildInfo = buildInfo;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        // true of every family built from the snapshot, time-relative ones included (computed at scrape time from
        // dates the refresh stored): the data is the last refresh's, never read from Vault by the scrape
        this.cachedNote = " From the data of the last refresh (every " + refreshInterval.toString()
                .substring(2).toLowerCase(java.util.Locale.ROOT) + ", sooner after a failed one); a scrape never"
                + " calls Vault.";
    }

    @Override
    public MetricSnapshots collect() {
        PkiSnapshot snapshot = snapshots.current();
        Instant now = clock.instant();
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        issuers(snapshot, now, out);
        crls(snapshot, out);
        leaves(snapshot, now, out);
        monitor(snapshot, out);
        return out.build();
    }

    private void issuers(PkiSnapshot snapshot, Instant now, MetricSnapshots.Builder out) {
        GaugeFamily validity = gauge("vault_issuer_validity_seconds",
                "Seconds until the issuer certificate expires (not_after - now at scrape time), negative once expired.",
                "engine", "issuer", "url");
        GaugeFamily notAfter = gauge("vault_pki_issuer_not_after_timestamp_seconds",
                "End of validity of the issuer certificate, Unix seconds.", "engine", "issuer", "issuer_name");
        GaugeFamily notBefore = gauge("vault_pki_issuer_not_before_timestamp_seconds",
                "Start of validity of the issuer certificate, Unix seconds.", "engine", "issuer", "issuer_name");
        GaugeFamily info = info("vault_pki_issuer",
                "Descriptive attributes of an issuer; always 1.", "engine", "issuer", "issuer_name", "common_name",
                "serial", "key_type", "key_bits", "is_default", "self_signed", "leaf_not_after_behavior");
        String url = snapshot.vault().address();
        for (EngineSnapshot engine : snapshot.engines()) {
            for (IssuerInfo issuer : engine.issuers()) {
                String e = engine.engine();
                validity.add(seconds(issuer.notAfter()) - seconds(now), e, issuer.id(), url);
                notAfter.add(seconds(issuer.notAfter()), e, issuer.id(), issuer.name());
                notBefore.add(seconds(issuer.notBefore()), e, issuer.id(), issuer.name());
                info.add(1, e, issuer.id(), issuer.name(), issuer.commonName(), issuer.serial(), issuer.keyType(),
                        Integer.toString(issuer.keyBits()), Boolean.toString(issuer.isDefault()),
                        Boolean.toString(issuer.selfSigned()), issuer.leafNotAfterBehavior());
            }
        }
        validity.addTo(out);
        notAfter.addTo(out);
        notBefore.addTo(out);
        info.addTo(out);
    }

    private void crls(PkiSnapshot snapshot, MetricSnapshots.Builder out) {
        GaugeFamily nextUpdate = gauge("vault_pki_crl_next_update_timestamp_seconds",
                "CRL nextUpdate, Unix seconds; the CRL is stale once this is in the past.", "engine", "issuer");
        GaugeFamily thisUpdate = gauge("vault_pki_crl_this_update_timestamp_seconds",
                "CRL thisUpdate (when the CRL was last built), Unix seconds.", "engine", "issuer");
        GaugeFamily number = gauge("vault_pki_crl_number",
                "CRL number extension; a number that stops increasing reveals a stuck CRL.", "engine", "issuer");
        GaugeFamily revoked = gauge("vault_pki_crl_revoked_certificates",
                "Revoked certificates listed in the CRL.", "engine", "issuer");
        GaugeFamily size = gauge("vault_pki_crl_size_bytes",
                "Size of the DER-encoded CRL in bytes.", "engine", "issuer");
        for (EngineSnapshot engine : snapshot.engines()) {
            for (CrlInfo crl : engine.crls()) {
                String e = engine.engine();
                crl.nextUpdate().ifPresent(t -> nextUpdate.add(seconds(t), e, crl.issuerId()));
                thisUpdate.add(seconds(crl.thisUpdate()), e, crl.issuerId());
                crl.number().ifPresent(n -> number.add(n.doubleValue(), e, crl.issuerId()));
                revoked.add(crl.revoked(), e, crl.issuerId());
                size.add(crl.sizeBytes(), e, crl.issuerId());
            }
        }
        nextUpdate.addTo(out);
        thisUpdate.addTo(out);
        number.addTo(out);
        revoked.addTo(out);
        size.addTo(out);
    }

    private void leaves(PkiSnapshot snapshot, Instant now, MetricSnapshots.Builder out) {
        GaugeFamily notAfter = gauge("vault_pki_certificate_not_after_timestamp_seconds",
                "End of validity of a non-revoked, unexpired leaf certificate, Unix seconds; by default only the"
                        + " newest per engine, common name and OU, capped soonest-expiring first.",
                "engine", "issuer", "serial", "common_name");
        GaugeFamily omitted = gauge("vault_pki_certificate_series_omitted",
                "Leaf certificate series left out by the monitor.leaves.max-series cap.", "engine");
        GaugeFamily states = gauge("vault_pki_certificates",
                "Leaf certificates stored by the engine, by state at scrape time.", "engine", "state");
        GaugeFamily expiring = gauge("vault_pki_certificates_expiring",
                "Valid, non-superseded leaf certificates expiring within the window (cumulative).", "engine",
                "window");

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
                if (state == LeafState.VALID) {
                    Duration left = Duration.between(now, leaf.notAfter());
                    windows.replaceAll((window, n) -> left.compareTo(window) <= 0 ? n + 1 : n);
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
    }

    private void monitor(PkiSnapshot snapshot, MetricSnapshots.Builder out) {
        VaultState vault = snapshot.vault();
        gauge("vault_pki_monitor_up",
                        "1 if the last refresh reached Vault and authenticated, else 0.")
                .add(vault.reachable() ? 1 : 0).addTo(out);
        GaugeFamily sealed = gauge("vault_pki_vault_sealed",
                "1 if Vault reported itself sealed in sys/health, else 0; absent when unknown.");
        vault.sealed().ifPresent(s -> sealed.add(s ? 1 : 0));
        sealed.addTo(out);

        GaugeFamily engineUp = gauge("vault_pki_engine_up",
                "1 if the last refresh of this PKI engine fully succeeded, else 0.", "engine");
        GaugeFamily engineSuccess = gauge("vault_pki_engine_last_refresh_success_timestamp_seconds",
                "End of the last fully successful refresh of this engine, Unix seconds.", "engine");
        for (EngineSnapshot engine : snapshot.engines()) {
            engineUp.add(engine.up() ? 1 : 0, engine.engine());
            engine.lastSuccess().ifPresent(t -> engineSuccess.add(seconds(t), engine.engine()));
        }
        engineUp.addTo(out);

        GaugeFamily lastSuccess = gauge("vault_pki_last_refresh_success_timestamp_seconds",
                "End of the last refresh that reached Vault and authenticated, Unix seconds.");
        snapshot.lastSuccess().ifPresent(t -> lastSuccess.add(seconds(t)));
        lastSuccess.addTo(out);
        engineSuccess.addTo(out);

        GaugeFamily tokenExpiry = gauge("vault_pki_token_expiry_timestamp_seconds",
                "Expiry of the monitor's Vault token, Unix seconds; absent for a non-expiring token.");
        vault.tokenExpiry().ifPresent(t -> tokenExpiry.add(seconds(t)));
        tokenExpiry.addTo(out);

        // configuration, not refreshed data: these HELP texts do not claim to come from a refresh
        GaugeFamily.gauge("vault_pki_monitor_threshold_seconds",
                        "Expiry thresholds of the status API (monitor.thresholds), in seconds.", "level")
                .add(thresholds.warning().getSeconds(), "warning")
                .add(thresholds.critical().getSeconds(), "critical")
                .addTo(out);
        // lets a staleness alert say "older than 3 intervals" without repeating the interval in the rule
        GaugeFamily.gauge("vault_pki_monitor_refresh_interval_seconds",
                        "The configured refresh interval (monitor.refresh.interval), in seconds; a failed refresh is"
                                + " retried sooner.")
                .add(refreshInterval.toMillis() / 1000.0)
                .addTo(out);
        GaugeFamily.info("vault_pki_monitor_build", "Version and source revision of the monitor; always 1.",
                        "version", "revision")
                .add(1, buildInfo.version(), buildInfo.revision())
                .addTo(out);
    }

    /** The HELP of every family built from the snapshot says so, and how often the snapshot is refreshed. */
    private GaugeFamily gauge(String name, String help, String... labelNames) {
        return GaugeFamily.gauge(name, help + cachedNote, labelNames);
    }

    private GaugeFamily info(String name, String help, String... labelNames) {
        return GaugeFamily.info(name, help + cachedNote, labelNames);
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
