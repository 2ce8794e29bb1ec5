package io.vaultpki.monitor.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.IssuerInfo;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.support.metrics.GaugeFamily;

import java.time.Instant;

import static io.vaultpki.monitor.metrics.RefreshNote.seconds;

/**
 * The issuer families: the compatibility countdown {@code vault_issuer_validity_seconds}, relative to now, and the
 * timestamps and attributes, which change only with the snapshot.
 */
final class IssuerFamilies {

    private final RefreshNote note;

    IssuerFamilies(RefreshNote note) {
        this.note = note;
    }

    /** {@code vault_issuer_validity_seconds} at {@code now}. */
    void validity(PkiSnapshot snapshot, Instant now, MetricSnapshots.Builder out) {
        GaugeFamily validity = note.gauge("vault_issuer_validity_seconds",
                "Seconds until the issuer certificate expires (not_after - now at scrape time, to the second),"
                        + " negative once expired.",
                "engine", "issuer", "url");
        String url = snapshot.vault().address();
        double nowSeconds = seconds(now);
        for (EngineSnapshot engine : snapshot.engines()) {
            for (IssuerInfo issuer : engine.issuers()) {
                validity.add(seconds(issuer.notAfter()) - nowSeconds, engine.engine(), issuer.id(), url);
            }
        }
        validity.addTo(out);
    }

    /** The families that do not depend on the time: validity bounds and descriptive attributes. */
    void describe(PkiSnapshot snapshot, MetricSnapshots.Builder out) {
        GaugeFamily notAfter = note.gauge("vault_pki_issuer_not_after_timestamp_seconds",
                "End of validity of the issuer certificate, Unix seconds.", "engine", "issuer", "issuer_name");
        GaugeFamily notBefore = note.gauge("vault_pki_issuer_not_before_timestamp_seconds",
                "Start of validity of the issuer certificate, Unix seconds.", "engine", "issuer", "issuer_name");
        GaugeFamily info = note.info("vault_pki_issuer",
                "Descriptive attributes of an issuer; always 1.", "engine", "issuer", "issuer_name", "common_name",
                "serial", "key_type", "key_bits", "is_default", "self_signed", "leaf_not_after_behavior");
        for (EngineSnapshot engine : snapshot.engines()) {
            for (IssuerInfo issuer : engine.issuers()) {
                String e = engine.engine();
                notAfter.add(seconds(issuer.notAfter()), e, issuer.id(), issuer.name());
                notBefore.add(seconds(issuer.notBefore()), e, issuer.id(), issuer.name());
                info.add(1, e, issuer.id(), issuer.name(), issuer.commonName(), issuer.serial(), issuer.keyType(),
                        Integer.toString(issuer.keyBits()), Boolean.toString(issuer.isDefault()),
                        Boolean.toString(issuer.selfSigned()), issuer.leafNotAfterBehavior());
            }
        }
        notAfter.addTo(out);
        notBefore.addTo(out);
        info.addTo(out);
    }
}
