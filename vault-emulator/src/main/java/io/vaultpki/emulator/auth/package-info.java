/**
 * The emulator's login methods (AppRole, Kubernetes, JWT / Nomad workload identity, userpass, TLS certificate):
 * {@code POST auth/<mount>/login} checks the credentials against the roles a test configured and mints a token in
 * {@code io.vaultpki.emulator.token} with Vault's path, display name and {@code auth} block
 * (https://developer.hashicorp.com/vault/api-docs/auth). Tests reach them through
 * {@code VaultEmulator.auth()}.
 */
package io.vaultpki.emulator.auth;
