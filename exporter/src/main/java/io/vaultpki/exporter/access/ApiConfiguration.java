package io.vaultpki.exporter.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import io.vaultpki.exporter.config.ByteSize;

/**
 * {@code exporter.api.*} limits of the API: how large a request body may be and whether private files may travel
 * in clear text. Checked once, when the bean is built at start-up. The tokens and client-certificate mappings under
 * the same prefix are lists with rules of their own: {@link ApiTokensLoader} and {@link ClientCertificates} read them.
 *
 * @param maxBodySize               largest accepted request body, such as {@code 64KiB} (KB/MB are KiB/MiB)
 * @param allowInsecureKeyTransport serve private files over plain HTTP to peers that are not loopback (for a
 *                                  TLS-terminating proxy in front of the exporter); see {@link KeyTransportGuard}
 */
@Context
@ConfigurationProperties("exporter.api")
public record ApiConfiguration(
        @Bindable(defaultValue = "64KiB") String maxBodySize,
        @Bindable(defaultValue = "false") boolean allowInsecureKeyTransport) {

    public static final String MAX_BODY_SIZE = "exporter.api.max-body-size";

    public ApiConfiguration {
        bytes(maxBodySize);
    }

    /** {@link #maxBodySize()} in bytes. */
    public long maxBodyBytes() {
        return bytes(maxBodySize);
    }

    private static long bytes(String size) {
        try {
            return ByteSize.require(MAX_BODY_SIZE, size);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }
}
