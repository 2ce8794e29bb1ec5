package io.vaultpki.monitor.refresh;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * The CRL of one issuer.
 *
 * @param issuerId     the issuer
 * @param thisUpdate   CRL thisUpdate
 * @param nextUpdate   CRL nextUpdate, empty when absent
 * @param number       CRL number, empty when absent
 * @param revoked      number of revoked entries
 * @param sizeBytes    DER size
 */
public record CrlInfo(String issuerId, Instant thisUpdate, Optional<Instant> nextUpdate, Optional<BigInteger> number,
                      int revoked, int sizeBytes) {
}
