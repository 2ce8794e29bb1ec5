package io.vaultpki.client.event;

import java.time.Duration;

/**
 * Something that happened to the client's Vault session. Applications turn these into metrics
 * ({@code vault_pki_login_failures_total{method}}) so the library needs no metrics dependency.
 * Events carry accessors and reasons, never a token or credential.
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
}
