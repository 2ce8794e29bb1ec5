package io.vaultpki.support.https;

import java.util.Locale;
import java.util.Objects;

/**
 * The names an app gives its HTTPS settings: {@code <app>.tls.cert}, {@code <app>.tls.key},
 * {@code <app>.tls.client-ca}, {@code <app>.tls.client-auth} and {@code <app>.health-port}, each also the
 * environment variable of the same name in upper case ({@code MONITOR_TLS_CERT}).
 *
 * @param app               the settings' prefix, e.g. {@code monitor}
 * @param defaultHealthPort the plain HTTP port of the probes while the main port serves HTTPS
 */
public record HttpsNames(String app, int defaultHealthPort) {

    public HttpsNames {
        Objects.requireNonNull(app, "app");
    }

    public static HttpsNames of(String app, int defaultHealthPort) {
        return new HttpsNames(app, defaultHealthPort);
    }

    String certificate() {
        return app + ".tls.cert";
    }

    String key() {
        return app + ".tls.key";
    }

    String clientCa() {
        return app + ".tls.client-ca";
    }

    String clientAuth() {
        return app + ".tls.client-auth";
    }

    String healthPort() {
        return app + ".health-port";
    }

    /** The environment variable of a setting: {@code monitor.tls.client-ca} is {@code MONITOR_TLS_CLIENT_CA}. */
    public static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
