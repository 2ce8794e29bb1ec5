/**
 * The only Micronaut-aware package of vault-client: binds {@code vault.*} settings, merges them with the Vault
 * CLI's {@code VAULT_*} environment variables, validates them at start-up and exposes a {@code VaultClient} bean.
 */
package io.vaultpki.client.config;
