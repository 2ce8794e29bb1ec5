/**
 * In-process Vault / OpenBao emulator used by the tests, the demo and the benchmark.
 *
 * <p>{@link io.vaultpki.emulator.VaultEmulator} starts a JDK {@code HttpServer} (or {@code HttpsServer}) on
 * 127.0.0.1. Each request goes through the pipeline of Vault's HTTP layer and core, in this order: path cleaning
 * (301 for {@code //}), faults, node endpoints ({@code sys/health}, {@code sys/seal-status}, {@code sys/leader}),
 * seal and standby checks, body parsing, namespace resolution, longest-prefix mount match, token and ACL check
 * (skipped for the backend's unauthenticated paths), then the {@link io.vaultpki.emulator.spi.Backend}. The answer
 * is rendered with Vault's envelope and Go's JSON encoding. The contract is Vault's HTTP API
 * (https://developer.hashicorp.com/vault/api-docs) and the behaviour of its HTTP layer
 * (https://github.com/hashicorp/vault/tree/main/http).
 */
package io.vaultpki.emulator;
