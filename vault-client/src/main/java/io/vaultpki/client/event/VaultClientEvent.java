package io.vaultpki.client.event;

import java.time.Duration;
import java.util.Optional;

/**
 * Something that happened to the client's Vault session, or a sign of Vault's load seen by the transport.
 * Applications turn these into metrics ({@code vault_pki_login_failures_total{method}}) or into back-pressure (the
 * monitor's adaptive request limit) so the library needs no metrics dependency. Events carry accessors, paths and
 * reasons, never a token or credential.
 */
public sealed interface VaultClientEvent {

    /** A login produced a token. {@code ttl} is {@link Duration#ZERO} when the token does not expire. */
    record LoginSucceeded(String method, String accessor, Duration ttl) implements VaultClientEvent {
    }

    /** A login failed; {@code reason} is the exception message (credential-free). */
    record LoginFailed(String method, String reason) implements VaultClientEvent {
    }

    /** {@code renew-self} extended the token to {@code ttl}. */
    record TokenRenewed(String accessor, Duration ttl) implements VaultClientEvent {
    }

    /** {@code renew-self} failed; the session logs in again when it can. */
    record TokenRenewalFailed(String reason) implements VaultClientEvent {
    }

    /** Vault no longer accepts the token (expired or revoked). */
    record TokenExpired(String accessor) implements VaultClientEvent {
    }

    /** A root token was offered and refused (least privilege). */
    record RootTokenRefused(String method) implements VaultClientEvent {
    }

    /**
     * Vault answered a request with 429 (rate limited) or 503 (sealed, standby, overloaded): it asks its clients to
     * slow down. Sent by the transport for every such answer, also those it then retries, on the thread that sent
     * the request, before the retry's back-off.
     *
     * @param method     {@code GET}, {@code LIST}, {@code POST}, ...
     * @param path       the Vault path relative to {@code /v1/}
     * @param status     429 or 503
     * @param retryAfter Vault's {@code Retry-After}, when it sent one
     */
    record BackPressure(String method, String path, int status, Optional<Duration> retryAfter)
            implements VaultClientEvent {
    }
}
