package io.vaultpki.monitor.refresh;

import java.time.Instant;
import java.util.Optional;

/**
 * A leaf certificate stored by an engine ({@code LIST <mount>/certs}). Parsed once per serial: a serial's
 * certificate never changes, only its revocation.
 *
 * @param serial      colon-hex serial (the {@code serial} label)
 * @param issuerId    issuing issuer ID when known (matched by the certificate's issuer and key), else {@code ""}
 * @param commonName  subject CN, may be {@code ""}
 * @param ou          subject OU(s) joined with {@code ","}, may be {@code ""}
 * @param notBefore   start of validity
 * @param notAfter    end of validity
 * @param revokedAt   revocation time when revoked
 * @param superseded  a newer certificate exists for the same (engine, common name, OU)
 */
public record LeafCertificate(String serial, String issuerId, String commonName, String ou, Instant notBefore,
                              Instant notAfter, Optional<Instant> revokedAt, boolean superseded) {
}
