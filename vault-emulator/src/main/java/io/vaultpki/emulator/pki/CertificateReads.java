package io.vaultpki.emulator.pki;


import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.go.GoText;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Flavor;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code LIST certs}, {@code LIST certs/revoked} and {@code cert/:serial}
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#list-certificates,
 * https://developer.hashicorp.com/vault/api-docs/secret/pki#list-revoked-certificates).
 */
final class CertificateReads {

    private final PkiStore store;
    private final Flavor flavor;

    CertificateReads(PkiStore store, Flavor flavor) {
        this.store = store;
        this.flavor = flavor;
    }

    EmulatorResponse list(EmulatorRequest request) {
        return Listing.respond(request, flavor, store.serials(), null);
    }

    EmulatorResponse listRevoked(EmulatorRequest request) {
        return Listing.respond(request, flavor, store.revokedSerials(), null);
    }

    /** JSON read: trimmed PEM; revocation fields always, {@code issuer_id} only when revoked; 404 when unknown. */
    EmulatorResponse read(String serial) {
        Optional<StoredCert> found = store.cert(serial);
        if (found.isEmpty()) {
            return EmulatorResponse.notFound();
        }
        StoredCert cert = found.get();
        Instant revokedAt = cert.revokedAt();
        ObjectNode data = PkiJson.object()
                .put("certificate", Pem.trim(store.pem(cert)))
                .put("revocation_time", revokedAt == null ? 0 : revokedAt.getEpochSecond())
                .put("revocation_time_rfc3339", revokedAt == null ? "" : GoText.rfc3339Nano(revokedAt));
        if (revokedAt != null) {
            data.put("issuer_id", cert.issuerId());
        }
        return EmulatorResponse.ok(data);
    }

    /** {@code cert/:serial/raw} (DER) and {@code /raw/pem} (trimmed PEM); 204 when unknown. */
    EmulatorResponse raw(String serial, boolean pem) {
        Optional<StoredCert> cert = store.cert(serial);
        if (pem) {
            return EmulatorResponse.raw(IssuerReads.PEM_CHAIN, cert.map(c -> Pem.utf8(Pem.trim(store.pem(c)))).orElse(new byte[0]));
        }
        return EmulatorResponse.raw(IssuerReads.PKIX_CERT, cert.map(store::der).orElse(new byte[0]));
    }
}
