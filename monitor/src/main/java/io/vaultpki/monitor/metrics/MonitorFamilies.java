package io.vaultpki.monitor.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.VaultState;
import io.vaultpki.support.metrics.GaugeFamily;

import java.time.Duration;

import static io.vaultpki.monitor.metrics.RefreshNote.seconds;

/**
 * The monitor's own state from the snapshot (Vault reached, engines up, last successes, token expiry) and its
 * configuration (thresholds, refresh interval, build), which never changes while it runs.
 */
final class MonitorFamilies {

    private final RefreshNote note;
    private final ExpiryThresholds thresholds;
    private final Duration refreshInterval;
    private final BuildInfo buildInfo;

    MonitorFamilies(RefreshNote note, ExpiryThresholds thresholds, Duration refreshInterval, BuildInfo buildInfo) {
        this.note = note;
        this.thresholds = thresholds;
        this.refreshInterval = refreshInterval;
        this.buildInfo = buildInfo;
    }

    void describe(PkiSnapshot snapshot, MetricSnapshots.Builder out) {
        VaultState vault = snapshot.vault();
        note.gauge("vault_pki_monitor_up", "1 if the last refresh reached Vault and authenticated, else 0.")
                .add(vault.reachable() ? 1 : 0).addTo(out);
        GaugeFamily sealed = note.gauge("vault_pki_vault_sealed",
                "1 if Vault reported itself sealed in sys/health, else 0; absent when unknown.");
        vault.sealed().ifPresent(s -> sealed.add(s ? 1 : 0));
        sealed.addTo(out);

        GaugeFamily engineUp = note.gauge("vault_pki_engine_up",
                "1 if the last refresh of this PKI engine fully succeeded, else 0.", "engine");
        GaugeFamily engineSuccess = note.gauge("vault_pki_engine_last_refresh_success_timestamp_seconds",
                "End of the last fully successful refresh of this engine, Unix seconds.", "engine");
        for (EngineSnapshot engine : snapshot.engines()) {
            engineUp.add(engine.up() ? 1 : 0, engine.engine());
            engine.lastSuccess().ifPresent(t -> engineSuccess.add(seconds(t), engine.engine()));
        }
        engineUp.addTo(out);
        engineSuccess.addTo(out);

        GaugeFamily lastSuccess = note.gauge("vault_pki_last_refresh_success_timestamp_seconds",
                "End of the last refresh that reached Vault and authenticated, Unix seconds.");
        snapshot.lastSuccess().ifPresent(t -> lastSuccess.add(seconds(t)));
        lastSuccess.addTo(out);

        GaugeFamily tokenExpiry = note.gauge("vault_pki_token_expiry_timestamp_seconds",
                "Expiry of the monitor's Vault token, Unix seconds; absent for a non-expiring token.");
        vault.tokenExpiry().ifPresent(t -> tokenExpiry.add(seconds(t)));
        tokenExpiry.addTo(out);
        configuration(out);
    }

    /** Configuration, not refreshed data: these HELP texts do not claim to come from a refresh. */
    private void configuration(MetricSnapshots.Builder out) {
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
}
