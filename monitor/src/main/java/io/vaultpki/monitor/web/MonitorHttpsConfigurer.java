package io.vaultpki.monitor.web;

import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.vaultpki.support.https.HttpsConfigurer;
import io.vaultpki.support.https.HttpsNames;

/**
 * The monitor's HTTPS: {@code monitor.tls.*} ({@code MONITOR_TLS_CERT}, {@code MONITOR_TLS_KEY},
 * {@code MONITOR_TLS_CLIENT_CA}, {@code MONITOR_TLS_CLIENT_AUTH}) and the probes' plain port
 * {@code monitor.health-port} ({@code MONITOR_HEALTH_PORT}, default 8081), through the setup both apps share.
 */
@ContextConfigurer
// implements the interface again: @ContextConfigurer registers only classes that name it themselves
public final class MonitorHttpsConfigurer extends HttpsConfigurer implements ApplicationContextConfigurer {

    /** The monitor's names for the shared HTTPS settings. */
    public static final HttpsNames NAMES = HttpsNames.of("monitor", 8081);

    public MonitorHttpsConfigurer() {
        super(NAMES);
    }
}
