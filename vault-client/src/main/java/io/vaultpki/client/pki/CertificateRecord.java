package io.vaultpki.client.pki;

import io.vaultpki.client.cert.ParsedCertificate;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET :mount/cert/:serial} (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-certificate).
 *
 * @param certificate    the certificate
 * @param revocationTime when it was revoked; empty when {@code revocation_time} is 0 or absent
 * @param issuerId       the revoking issuer (Vault 1.13+, revoked certificates only)
 */
public record CertificateRecord(ParsedCertificate certificate, Optional<Instant> revocationTime,
                                Optional<String> issuerId) {

    /** Whether Vault reports a revocation time. */
    public boolean revoked() {
        return revocationTime.isPresent();
    }

    public String serialNumber() {
        return certificate.serialNumber();
    }
}
