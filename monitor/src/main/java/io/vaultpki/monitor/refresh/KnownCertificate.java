package io.vaultpki.monitor.refresh;

import java.time.Instant;
import java.util.Optional;

/**
 * What the monitor keeps of one stored certificate after reading it once: a serial's certificate never changes.
 * CA certificates are kept too (as {@code ca}), so that they are not read again, but are not leaves.
 */
record KnownCertificate(String serial, boolean ca, String issuerId, String issuerDn, String commonName, String ou,
                        Instant notBefore, Instant notAfter, Optional<Instant> revokedAt) {
}
