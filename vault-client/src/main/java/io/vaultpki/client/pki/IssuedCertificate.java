package io.vaultpki.client.pki;

import io.vaultpki.client.cert.ParsedCertificate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Result of {@code issue} or {@code sign}
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#generate-certificate-and-key). Read the actual validity
 * from {@link #certificate()}: Vault may cap the TTL and only warn (docs/vault-compatibility.md#client-pki).
 *
 * @param certificate  the new certificate
 * @param issuingCa    the signing issuer's certificate, when sent
 * @param caChain      issuing CA first, up to and including the root unless removed
 * @param privateKey   the key ({@code issue} only)
 * @param serialNumber colon-hex serial
 * @param expiration   notAfter as Vault reported it
 * @param warnings     Vault's warnings (TTL capping, ignored parameters)
 */
public record IssuedCertificate(ParsedCertificate certificate, Optional<ParsedCertificate> issuingCa,
                                List<ParsedCertificate> caChain, Optional<PrivateKeyMaterial> privateKey,
                                String serialNumber, Instant expiration, List<String> warnings) {

    @Override
    public String toString() {
        // the record's default toString would be safe too (PrivateKeyMaterial masks itself), but stay explicit
        return "IssuedCertificate[serial=" + serialNumber + ", subject=" + certificate.subjectDn()
                + ", expiration=" + expiration + ", privateKey=" + privateKey.map(k -> "****").orElse("none") + "]";
    }
}
