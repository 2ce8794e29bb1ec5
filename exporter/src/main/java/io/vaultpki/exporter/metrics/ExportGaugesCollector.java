package io.vaultpki.exporter.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vaultpki.exporter.failure.VaultReachability;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.registry.ExportStatus;
import io.vaultpki.support.metrics.GaugeFamily;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Per-export gauges, computed from the live export state at each scrape (cert-manager's names, prefixed). The serial
 * is a label of {@code _certificate_info} only, so renewals do not churn the other series.
 */
public final class ExportGaugesCollector implements MultiCollector {

    private final Supplier<List<ExportStatus>> exports;
    private final VaultReachability vault;
    private final Clock clock;

    public ExportGaugesCollector(Supplier<List<ExportStatus>> exports, VaultReachability vault, Clock clock) {
        this.exports = exports;
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    public MetricSnapshots collect() {
        Instant now = clock.instant();
        GaugeFamily notAfter = GaugeFamily.gauge("vault_pki_exporter_certificate_not_after_timestamp_seconds",
                "Expiry of the exported certificate (Unix seconds).", "export");
        GaugeFamily notBefore = GaugeFamily.gauge("vault_pki_exporter_certificate_not_before_timestamp_seconds",
                "Start of validity of the exported certificate (Unix seconds).", "export");
        GaugeFamily renewal = GaugeFamily.gauge("vault_pki_exporter_certificate_renewal_timestamp_seconds",
                "When the exporter will next renew (issue, sign), retry, or re-read (issuer, certificate) the export (Unix seconds).", "export");
        GaugeFamily expired = GaugeFamily.gauge("vault_pki_exporter_certificate_expired",
                "1 when the exported certificate is past its notAfter (files kept; renewal keeps retrying).", "export");
        GaugeFamily shortened = GaugeFamily.gauge("vault_pki_exporter_certificate_lifetime_shortened",
                "1 when Vault issued a certificate too short for the renewal window (role max TTL or issuer expiry): renewal at 2/3 of it instead.", "export");
        GaugeFamily info = GaugeFamily.info("vault_pki_exporter_certificate",
                "The exported certificate's identity; always 1.", "export", "source", "mount", "serial", "common_name", "issuer");
        GaugeFamily failures = GaugeFamily.gauge("vault_pki_exporter_consecutive_failures",
                "Failed attempts since the last success (files untouched meanwhile).", "export");
        GaugeFamily lastSuccess = GaugeFamily.gauge("vault_pki_exporter_last_success_timestamp_seconds",
                "When the export last succeeded (Unix seconds).", "export");
        GaugeFamily legacyHook = GaugeFamily.gauge("vault_pki_exporter_legacy_hook_ignored",
                "1 when the export's persisted spec (from an older version) carries an inline hook command, which is never run; hooks are configured by name under exporter.hooks.", "export");
        GaugeFamily windowStart = GaugeFamily.gauge("vault_pki_exporter_renewal_window_next_start_timestamp_seconds",
                "Start of the renew-window occurrence the export's next renewal falls into or waits for (Unix seconds); only exports with a renew-window.", "export");
        GaugeFamily windowDeferred = GaugeFamily.gauge("vault_pki_exporter_renewal_window_deferred",
                "1 when the export's next renewal waits for its renew-window (or for the safety floor) instead of renewing as planned; only exports with a renew-window.", "export");
        GaugeFamily windowFloor = GaugeFamily.gauge("vault_pki_exporter_renewal_window_floor_timestamp_seconds",
                "From this moment the export's remaining validity is under its safety floor and it renews at once, window or not (Unix seconds); only exports with a renew-window and files of their current spec.", "export");
        GaugeFamily count = GaugeFamily.gauge("vault_pki_exporter_managed_exports",
                "Managed exports by source.", "source");
        GaugeFamily vaultUp = GaugeFamily.gauge("vault_pki_exporter_vault_up",
                "1 when Vault answered the exporter's last export call (issue, sign, read; a refusal is an answer), 0 when it could not (unreachable, timeout, TLS failure, sealed, standby); absent until the first call.");

        java.util.Map<String, Integer> bySource = new java.util.TreeMap<>();
        for (ExportStatus s : exports.get()) {
            String name = s.name();
            bySource.merge(s.spec().source().wire(), 1, Integer::sum);
            failures.add(s.consecutiveFailures(), name);
            legacyHook.add(s.spec().legacyInlineHook() ? 1 : 0, name);
            if (s.nextAttempt() != null) {
                renewal.add(seconds(s.nextAttempt()), name);
            }
            if (s.window() != null) {
                windowStart.add(seconds(s.window().window().start()), name);
                windowDeferred.add(s.window().deferred() ? 1 : 0, name);
                if (s.window().floorAt() != null) {
                    windowFloor.add(seconds(s.window().floorAt()), name);
                }
            }
            if (s.lastSuccess() != null) {
                lastSuccess.add(seconds(s.lastSuccess()), name);
            }
            if (s.metadata().isPresent()) {
                ExportMetadata m = s.metadata().get();
                notAfter.add(seconds(m.notAfter()), name);
                if (m.notBefore() != null) {
                    notBefore.add(seconds(m.notBefore()), name);
                }
                expired.add(now.isAfter(m.notAfter()) ? 1 : 0, name);
                shortened.add(m.lifetimeShortened() ? 1 : 0, name);
                info.add(1, name, m.source(), m.mount(), m.serial(), m.commonName(), m.issuer());
            }
        }
        bySource.forEach((source, n) -> count.add(n, source));
        Boolean up = vault.reachable();
        if (up != null) {
            vaultUp.add(up ? 1 : 0);
        }
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        for (GaugeFamily f : List.of(notAfter, notBefore, renewal, expired, shortened, info, failures, lastSuccess,
                legacyHook, windowStart, windowDeferred, windowFloor, count, vaultUp)) {
            f.addTo(out);
        }
        return out.build();
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }
}
