package io.vaultpki.emulator.pki;


import io.vaultpki.emulator.go.GoText;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST revoke} (https://developer.hashicorp.com/vault/api-docs/secret/pki#revoke-certificate): already
 * revoked and expired certificates are 200, not errors (docs/vault-compatibility.md#emulator-pki-engine).
 */
final class Revocation {

    private final PkiStore store;

    Revocation(PkiStore store) {
        this.store = store;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        String serial = request.param("serial_number");
        String pem = request.param("certificate");
        boolean hasSerial = serial != null && !serial.isEmpty();
        boolean hasCert = pem != null && !pem.isEmpty();
        if (hasSerial && hasCert) {
            throw PkiError.badRequest("Must provide either the certificate or the serial to revoke; not both.");
        }
        if (!hasSerial && !hasCert) {
            throw PkiError.badRequest("The serial number or certificate to revoke must be provided.");
        }
        String wanted = hasSerial ? serial : serialOf(pem);
        String normalized = Serials.normalize(wanted);
        for (Issuer issuer : store.issuers()) {
            if (issuer.serialNumber().equals(normalized)) {
                throw PkiError.badRequest("adding issuer (id: " + issuer.id() + ") to its own CRL is not allowed");
            }
        }
        StoredCert cert = store.cert(wanted)
                .orElseThrow(() -> PkiError.badRequest("certificate with serial " + wanted + " not found."));
        if (!cert.isRevoked() && !cert.notAfter().isAfter(store.now())) {
            return EmulatorResponse.ok(null,
                    List.of("certificate with serial " + wanted + " already expired; refusing to add to CRL"));
        }
        Instant at = store.revoke(cert);
        return EmulatorResponse.ok(PkiJson.object()
                .put("revocation_time", at.getEpochSecond())
                .put("revocation_time_rfc3339", GoText.rfc3339Nano(at))
                .put("state", "revoked"));
    }

    private static String serialOf(String pem) {
        try (var parser = new PEMParser(new StringReader(pem))) {
            if (parser.readObject() instanceof X509CertificateHolder holder) {
                return Serials.format(holder.getSerialNumber());
            }
        } catch (Exception e) {
            // Vault answers the same user error for any unparsable certificate
        }
        throw PkiError.badRequest("certificate could not be parsed");
    }
}
