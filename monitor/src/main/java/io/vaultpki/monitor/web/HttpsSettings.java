package io.vaultpki.monitor.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The monitor's HTTPS settings ({@code monitor.tls.*} system properties or {@code MONITOR_TLS_*} environment
 * variables) and their translation into Micronaut server properties. HTTPS is on when a certificate is configured;
 * then the main port serves HTTPS and {@code monitor.health-port} serves plain HTTP for the probes only.
 *
 * @param certificate PEM certificate chain of the server, leaf first
 * @param key         PEM private key of the server (PKCS#8 or PKCS#1, unencrypted)
 * @param clientCa    PEM of the CA(s) that sign accepted client certificates, empty when there is none
 * @param clientAuth  whether a client certificate is required, optional or not asked for
 * @param healthPort  the plain HTTP port of the health probes
 */
public record HttpsSettings(Path certificate, Path key, Optional<Path> clientCa, ClientAuth clientAuth,
                            int healthPort) {

    /** The default plain HTTP port of the probes while the main port serves HTTPS. */
    public static final int DEFAULT_HEALTH_PORT = 8081;

    /** Client-certificate authentication: {@code need} rejects a TLS handshake without a trusted certificate. */
    public enum ClientAuth {
        NONE, WANT, NEED;

        static ClientAuth parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "MONITOR_TLS_CLIENT_AUTH must be none, want or need, got '" + value + "'");
            }
        }
    }

    public HttpsSettings {
        requireReadable(certificate, "MONITOR_TLS_CERT");
        requireReadable(key, "MONITOR_TLS_KEY");
        clientCa.ifPresent(ca -> requireReadable(ca, "MONITOR_TLS_CLIENT_CA"));
        if (clientAuth != ClientAuth.NONE && clientCa.isEmpty()) {
            throw new IllegalArgumentException(
                    "MONITOR_TLS_CLIENT_AUTH=" + clientAuth.name().toLowerCase(Locale.ROOT)
                            + " needs MONITOR_TLS_CLIENT_CA, the CA that signs the client certificates");
        }
        if (healthPort < 1 || healthPort > 65535) {
            throw new IllegalArgumentException("MONITOR_HEALTH_PORT must be a TCP port, got " + healthPort);
        }
    }

    /**
     * Reads the settings through {@code lookup}, which answers a property name such as {@code monitor.tls.cert}.
     * Empty when no certificate is configured (plain HTTP).
     */
    public static Optional<HttpsSettings> from(UnaryOperator<String> lookup) {
        Optional<String> certificate = setting(lookup, "monitor.tls.cert");
        Optional<String> key = setting(lookup, "monitor.tls.key");
        if (certificate.isEmpty()) {
            if (key.isPresent()) {
                throw new IllegalArgumentException("MONITOR_TLS_KEY is set but MONITOR_TLS_CERT is not");
            }
            return Optional.empty();
        }
        Path keyPath = Path.of(key.orElseThrow(
                () -> new IllegalArgumentException("MONITOR_TLS_CERT is set but MONITOR_TLS_KEY is not")));
        Optional<Path> clientCa = setting(lookup, "monitor.tls.client-ca").map(Path::of);
        // A client CA on its own means "only these clients": requiring the certificate is the safe reading.
        ClientAuth clientAuth = setting(lookup, "monitor.tls.client-auth").map(ClientAuth::parse)
                .orElse(clientCa.isPresent() ? ClientAuth.NEED : ClientAuth.NONE);
        int healthPort = setting(lookup, "monitor.health-port").map(HttpsSettings::port).orElse(DEFAULT_HEALTH_PORT);
        return Optional.of(new HttpsSettings(Path.of(certificate.get()), keyPath, clientCa, clientAuth, healthPort));
    }

    /** Looks a name up as a system property, then as its environment variable ({@code MONITOR_TLS_CERT}). */
    public static UnaryOperator<String> systemLookup() {
        return name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(environmentName(name));
        };
    }

    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * The Micronaut properties: one HTTPS listener on the main port ({@code micronaut.server.port}) and one plain
     * listener on the health port, with the PEM files read by Micronaut 4.10's PEM support (no key store on disk).
     */
    public Map<String, Object> serverProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.ssl.enabled", true);
        properties.put("micronaut.server.ssl.key-store.certificate-path", "file:" + certificate.toAbsolutePath());
        properties.put("micronaut.server.ssl.key-store.key-path", "file:" + key.toAbsolutePath());
        clientCa.ifPresent(ca -> properties.put("micronaut.server.ssl.trust-store.path", "file:" + ca.toAbsolutePath()));
        if (clientAuth != ClientAuth.NONE) {
            properties.put("micronaut.server.ssl.client-authentication", clientAuth.name());
        }
        properties.put("micronaut.server.netty.listeners.https.port", "${micronaut.server.port:8080}");
        properties.put("micronaut.server.netty.listeners.https.ssl", true);
        properties.put("micronaut.server.netty.listeners.probes.port", healthPort);
        properties.put("micronaut.server.netty.listeners.probes.ssl", false);
        return properties;
    }

    private static Optional<String> setting(UnaryOperator<String> lookup, String name) {
        return Optional.ofNullable(lookup.apply(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MONITOR_HEALTH_PORT must be a TCP port, got '" + value + "'");
        }
    }

    private static void requireReadable(Path file, String setting) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(setting + " names a file that cannot be read: " + file);
        }
    }
}
