package io.vaultpki.client.http;

import io.vaultpki.client.VaultToken;

/**
 * Sends requests to Vault with connection reuse, timeouts, bounded concurrency and retries (5xx except PKI
 * reference errors, 429, 503 and connection errors; never other 4xx).
 * Any status >= 400 is thrown as a {@link VaultResponseException} subtype; connection problems as
 * {@link VaultConnectionException}, {@link VaultTimeoutException} or {@link VaultTlsException}.
 */
public interface VaultTransport extends AutoCloseable {

    /**
     * @param token the token to send when {@code request.authenticated()}, or null to send none
     * @return the 2xx response (204 has an empty body)
     */
    VaultHttpResponse execute(VaultRequest request, VaultToken token);

    /** The Vault address requests go to, e.g. {@code https://vault.example:8200}. */
    java.net.URI address();

    @Override
    void close();
}
