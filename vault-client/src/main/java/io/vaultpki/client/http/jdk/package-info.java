/**
 * The transport on the JDK's {@code java.net.http.HttpClient}: connection reuse, timeouts, bounded concurrency,
 * retries with {@link io.vaultpki.client.http.Backoff}, standby redirects and TLS from {@code tls}. Kept apart from
 * {@code http} (the contract every other package uses) because TLS set-up needs certificate parsing, whose errors are
 * themselves {@code http} response errors.
 */
package io.vaultpki.client.http.jdk;
