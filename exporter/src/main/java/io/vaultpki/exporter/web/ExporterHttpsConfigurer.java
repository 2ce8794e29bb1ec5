package io.vaultpki.exporter.web;

import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.vaultpki.support.https.HttpsConfigurer;
import io.vaultpki.support.https.HttpsNames;

/**
 * The exporter's HTTPS: {@code exporter.tls.*} ({@code EXPORTER_TLS_CERT}, {@code EXPORTER_TLS_KEY},
 * {@code EXPORTER_TLS_CLIENT_CA}, {@code EXPORTER_TLS_CLIENT_AUTH}) and the probes' plain port
 * {@code exporter.health-port} ({@code EXPORTER_HEALTH_PORT}, default 8083), through the setup both apps share.
 * Micronaut's own {@code micronaut.server.ssl.*}, which the exporter documented before, still work as they did.
 */
@ContextConfigurer
// implements the interface again: @ContextConfigurer registers only classes that name it themselves
public final class ExporterHttpsConfigurer extends HttpsConfigurer implements ApplicationContextConfigurer {

    /** The exporter's names for the shared HTTPS settings. */
    public static final HttpsNames NAMES = HttpsNames.of("exporter", 8083);

    public ExporterHttpsConfigurer() {
        super(NAMES);
    }
}
