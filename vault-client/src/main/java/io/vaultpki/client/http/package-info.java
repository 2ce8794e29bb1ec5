/**
 * The HTTP layer: requests to {@code /v1/}, Vault's error envelope turned into typed exceptions carrying method,
 * path and status, timeouts, retries with back-off, and the transport.
 */
package io.vaultpki.client.http;
