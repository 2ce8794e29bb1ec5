/**
 * What every package of the Vault / OpenBao client shares, and nothing else: the settings ({@link
 * io.vaultpki.client.VaultSettings}, {@link io.vaultpki.client.TlsSettings}, {@link io.vaultpki.client.RetrySettings})
 * with the Vault CLI's {@code VAULT_*} environment mapping ({@link io.vaultpki.client.EnvironmentSettings}), the token
 * value {@link io.vaultpki.client.VaultToken}, and the root of the client's errors {@link
 * io.vaultpki.client.VaultException}. It depends on no other package of the client; the entry point that wires
 * everything together is {@link io.vaultpki.client.core.VaultClient}.
 */
package io.vaultpki.client;
