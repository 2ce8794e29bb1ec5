package io.vaultpki.monitor.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vaultpki.monitor.pkihealth.EngineHealth;
import io.vaultpki.monitor.pkihealth.input.TidyStatus;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.support.metrics.GaugeFamily;

import java.util.List;
import java.util.Locale;

import static io.vaultpki.monitor.metrics.RefreshNote.seconds;

/**
 * The tidy and store gauges from each engine's {@code tidy-status} as its last health-check run read it
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#tidy-status): the tidy's state, times and deleted
 * counts, and how many certificates and revoked certificates the mount stores, so that store growth and a stuck or
 * failing tidy show over time. An engine whose run could not read {@code tidy-status} has none of these series.
 */
final class TidyFamilies {

    /** Vault's tidy states, lower-cased; {@code unknown} stands for any other value (never copied into a label). */
    static final List<String> STATES = List.of("inactive", "running", "finished", "error", "cancelling", "cancelled",
            "unknown");

    void describe(PkiSnapshot snapshot, MetricSnapshots.Builder out) {
        String note = HealthFamilies.NOTE;
        GaugeFamily state = GaugeFamily.gauge("vault_pki_tidy_state",
                "1 for the state of the engine's last tidy as tidy-status reports it, 0 for the other states"
                        + " (unknown: a state this monitor does not know)." + note, "engine", "state");
        GaugeFamily started = GaugeFamily.gauge("vault_pki_tidy_last_started_timestamp_seconds",
                "When the engine's last tidy started (time_started), Unix seconds; absent when none started." + note,
                "engine");
        GaugeFamily finished = GaugeFamily.gauge("vault_pki_tidy_last_finished_timestamp_seconds",
                "When the engine's last tidy finished (time_finished), Unix seconds; absent when none finished."
                        + note, "engine");
        GaugeFamily deleted = GaugeFamily.gauge("vault_pki_tidy_deleted_certificates",
                "Certificates the engine's last tidy deleted from the store (cert_store_deleted_count)." + note,
                "engine");
        GaugeFamily deletedRevoked = GaugeFamily.gauge("vault_pki_tidy_deleted_revoked_certificates",
                "Revoked certificates the engine's last tidy deleted (revoked_cert_deleted_count)." + note, "engine");
        GaugeFamily stored = GaugeFamily.gauge("vault_pki_tidy_stored_certificates",
                "Certificates the engine stores (current_cert_store_count, Vault 1.13+; absent when Vault does not"
                        + " report it)." + note, "engine");
        GaugeFamily storedRevoked = GaugeFamily.gauge("vault_pki_tidy_stored_revoked_certificates",
                "Revoked certificates the engine stores (current_revoked_cert_count, Vault 1.13+; absent when Vault"
                        + " does not report it)." + note, "engine");
        for (EngineSnapshot engine : snapshot.engines()) {
            TidyStatus tidy = engine.health().flatMap(EngineHealth::tidy).orElse(null);
            if (tidy == null) {
                continue;
            }
            String e = engine.engine();
            String current = stateLabel(tidy.state());
            STATES.forEach(s -> state.add(s.equals(current) ? 1 : 0, e, s));
            tidy.timeStarted().ifPresent(t -> started.add(seconds(t), e));
            tidy.timeFinished().ifPresent(t -> finished.add(seconds(t), e));
            deleted.add(tidy.certStoreDeletedCount(), e);
            deletedRevoked.add(tidy.revokedCertDeletedCount(), e);
            tidy.currentCertStoreCount().ifPresent(n -> stored.add(n, e));
            tidy.currentRevokedCertCount().ifPresent(n -> storedRevoked.add(n, e));
        }
        state.addTo(out);
        started.addTo(out);
        finished.addTo(out);
        deleted.addTo(out);
        deletedRevoked.addTo(out);
        stored.addTo(out);
        storedRevoked.addTo(out);
    }

    /** Vault's {@code state} as a label: one of {@link #STATES}, whatever Vault sent. */
    static String stateLabel(String vaultState) {
        String lower = vaultState.strip().toLowerCase(Locale.ROOT);
        return STATES.contains(lower) ? lower : "unknown";
    }
}
