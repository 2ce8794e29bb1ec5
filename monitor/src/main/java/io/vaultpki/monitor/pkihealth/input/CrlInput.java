package io.vaultpki.monitor.pkihealth.input;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One CRL or delta CRL of an issuer ({@code <mount>/issuer/<id>/crl}, {@code .../crl/delta}).
 *
 * @param thisUpdate the CRL's thisUpdate
 * @param nextUpdate the CRL's nextUpdate; empty when the CRL has none (then it never goes stale)
 */
public record CrlInput(Instant thisUpdate, Optional<Instant> nextUpdate) {

    public CrlInput {
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        nextUpdate = nextUpdate == null ? Optional.empty() : nextUpdate;
    }
}
