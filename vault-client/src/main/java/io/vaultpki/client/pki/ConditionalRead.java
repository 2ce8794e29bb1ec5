package io.vaultpki.client.pki;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a conditional read ({@code If-Modified-Since}): the object, or nothing when Vault answered
 * {@code 304 Not Modified}, and the server's {@code Date} to send as the next read's {@code If-Modified-Since}.
 *
 * @param value      the object; empty when it did not change since the condition's time
 * @param serverDate when Vault produced the answer, by Vault's clock; empty when Vault sent no valid {@code Date}
 * @param <T>        the object's type
 */
public record ConditionalRead<T>(Optional<T> value, Optional<Instant> serverDate) {

    public ConditionalRead {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(serverDate, "serverDate");
    }

    /** Whether Vault answered {@code 304}: the caller's copy is still current. */
    public boolean notModified() {
        return value.isEmpty();
    }
}
