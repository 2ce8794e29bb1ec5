/**
 * The HTTP contract: requests to {@code /v1/}, responses, the {@link io.vaultpki.client.http.VaultTransport}
 * interface, Vault's error envelope turned into typed exceptions carrying method, path and status, and the one
 * exponential {@link io.vaultpki.client.http.Backoff} of the client. The implementation lives in {@code http.jdk}.
 */
package io.vaultpki.client.http;
