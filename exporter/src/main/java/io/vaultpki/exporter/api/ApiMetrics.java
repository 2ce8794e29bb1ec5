package io.vaultpki.exporter.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * The API's own counters. {@code route} is the route template ({@code /api/v1/certificates/{name}}), never the
 * raw path, so a client cannot create series at will; principals are the few configured token names.
 */
@Singleton
public class ApiMetrics {

    static final String REQUESTS = "vault.pki.exporter.api.requests";
    static final String KEY_DOWNLOADS = "vault.pki.exporter.key.downloads";

    private final MeterRegistry registry;

    public ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one answered request as {@code vault_pki_exporter_api_requests_total{route,status}}. */
    void request(String route, int status) {
        Counter.builder(REQUESTS).description("API requests answered, by route template and HTTP status")
                .tag("route", route).tag("status", Integer.toString(status)).register(registry).increment();
    }

    /** Counts one served private file as {@code vault_pki_exporter_key_downloads_total{export,principal}}. */
    void keyDownload(String export, String principal) {
        Counter.builder(KEY_DOWNLOADS).description("Private key files served through the API, by export and principal")
                .tag("export", export).tag("principal", principal).register(registry).increment();
    }
}
