package io.vaultpki.exporter.api;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.vaultpki.exporter.audit.ByteSize;
import jakarta.inject.Singleton;

/** {@code exporter.api.*} settings of the HTTP layer (tokens are read by {@link io.vaultpki.exporter.access.ApiTokensFactory}). */
@Context // checked at start-up, not at the first API request
@Singleton
public class ApiConfiguration {

    public static final String MAX_BODY_SIZE = "exporter.api.max-body-size";

    private final long maxBodySize;

    public ApiConfiguration(@Value("${" + MAX_BODY_SIZE + ":64KiB}") String maxBodySize) {
        this.maxBodySize = ByteSize.require(MAX_BODY_SIZE, maxBodySize);
    }

    /** Largest accepted request body in bytes (default 64 KiB). */
    public long maxBodySize() {
        return maxBodySize;
    }
}
