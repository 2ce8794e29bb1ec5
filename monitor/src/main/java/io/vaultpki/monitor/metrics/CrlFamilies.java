package io.vaultpki.monitor.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vaultpki.monitor.refresh.CrlInfo;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.support.metrics.GaugeFamily;

import static io.vaultpki.monitor.metrics.RefreshNote.seconds;

/** The CRL families, one series per issuer that has a CRL; they change only with the snapshot. */
final class CrlFamilies {

    private final RefreshNote note;

    CrlFamilies(RefreshNote note) {
        this.note = note;
    }

    void describe(PkiSnapshot snapshot, MetricSnapshots.Builder out) {
        GaugeFamily nextUpdate = note.gauge("vault_pki_crl_next_update_timestamp_seconds",
                "CRL nextUpdate, Unix seconds; the CRL is stale once this is in the past.", "engine", "issuer");
        GaugeFamily thisUpdate = note.gauge("vault_pki_crl_this_update_timestamp_seconds",
                "CRL thisUpdate (when the CRL was last built), Unix seconds.", "engine", "issuer");
        GaugeFamily number = note.gauge("vault_pki_crl_number",
                "CRL number extension; a number that stops increasing reveals a stuck CRL.", "engine", "issuer");
        GaugeFamily revoked = note.gauge("vault_pki_crl_revoked_certificates",
                "Revoked certificates listed in the CRL.", "engine", "issuer");
        GaugeFamily size = note.gauge("vault_pki_crl_size_bytes",
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
}
