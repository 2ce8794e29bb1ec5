package io.vaultpki.client.cert;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Optional;

/**
 * A certificate revocation list.
 *
 * @param crl          the JDK CRL
 * @param issuerDn     issuer in RFC 2253 form
 * @param thisUpdate   issue time
 * @param nextUpdate   next scheduled update, empty if absent
 * @param crlNumber    CRL number extension, empty if absent
 * @param revokedCount number of revoked entries
 * @param sizeBytes    DER size
 */
public record ParsedCrl(X509CRL crl, String issuerDn, Instant thisUpdate, Optional<Instant> nextUpdate,
                        Optional<BigInteger> crlNumber, int revokedCount, int sizeBytes) {

    @Override
    public String toString() {
        return "ParsedCrl[issuer=" + issuerDn + ", thisUpdate=" + thisUpdate + ", revoked=" + revokedCount + "]";
    }
}
