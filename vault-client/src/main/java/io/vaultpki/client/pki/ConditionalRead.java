package io.vaultpki.client.pki;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a conditional read ({@code If-Modified-Since}): the object, or nothing when Vault answered
 * {@code 304 Not Modified}, and the server's {@code Date} to send as the next read's {@code If-Modified-Since}.
 *
 * <p>Vault 1.12+ answers 304 for its CA and CRL reads when the object's last change is before the header's time,
 * but only where the mount's tune passes the header through ({@code passthrough_request_headers=If-Modified-Since},
 * https://developer.hashicorp.com/vault/api-docs/system/mounts#passthrough_request_headers); elsewhere it ignores
 * the header and sends the object. CRLs have one change time per mount ({@code isIfModifiedSinceBeforeLastModified}
 * in https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/util.go), so a 304 for one issuer's CRL means
 * no CRL of the mount changed. The next {@code since} is the {@link #serverDate()} of the read that returned the
 * current copy: Vault's own clock, whole seconds, truncated, so no clock skew or same-second rebuild hides a change.
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
