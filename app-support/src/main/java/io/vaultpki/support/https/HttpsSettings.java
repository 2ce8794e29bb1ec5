package io.vaultpki.support.https;

import io.micronaut.context.exceptions.ConfigurationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An app's HTTPS settings (see {@link HttpsNames}) and their translation into Micronaut server properties. HTTPS is
 * on when a certificate is configured; then the main port serves HTTPS and the health port serves plain HTTP for the
 * probes only ({@link ProbesOnlyOverPlainHttp}).
 *
 * @param certificate PEM certificate chain of the server, leaf first
 * @param key         PEM private key of the server (PKCS#8 or PKCS#1, unencrypted)
 * @param clientCa    PEM of the CA(s) that sign accepted client certificates, empty when there is none
 * @param clientAuth  whether a client certificate is required, optional or not asked for
 * @param healthPort  the plain HTTP port of the health probes
 */
public record HttpsSettings(Path certificate, Path key, Optional<Path> clientCa, ClientAuth clientAuth,
                            int healthPort) {

    /** The listener that serves the probes over plain HTTP; its presence turns {@link ProbesOnlyOverPlainHttp} on. */
    public static final String PROBES_LISTENER = "micronaut.server.netty.listeners.probes";

    /** Client-certificate authentication: {@code need} rejects a TLS handshake without a trusted certificate. */
    public enum ClientAuth {
        NONE, WANT, NEED
    }

    /**
     * Reads the settings through {@code lookup}, which answers a property name such as {@code monitor.tls.cert}.
     * Empty when no certificate is configured (plain HTTP).
     *
     * @throws ConfigurationException naming the environment variable of a missing, unreadable or invalid setting
     */
    public static Optional<HttpsSettings> from(HttpsNames names, UnaryOperator<String> lookup) {
        Optional<String> certificate = setting(lookup, names.certificate());
        Optional<String> key = setting(lookup, names.key());
        String certVariable = HttpsNames.variable(names.certificate());
        String keyVariable = HttpsNames.variable(names.key());
        if (certificate.isEmpty()) {
            if (key.isPresent()) {
                throw new ConfigurationException(keyVariable + " is set but " + certVariable + " is not");
            }
            return Optional.empty();
        }
        Path keyPath = Path.of(key.orElseThrow(
                () -> new ConfigurationException(certVariable + " is set but " + keyVariable + " is not")));
        Optional<Path> clientCa = setting(lookup, names.clientCa()).map(Path::of);
        // A client CA on its own means "only these clients": requiring the certificate is the safe reading.
        ClientAuth clientAuth = setting(lookup, names.clientAuth()).map(value -> clientAuth(names, value))
                .orElse(clientCa.isPresent() ? ClientAuth.NEED : ClientAuth.NONE);
        int healthPort = setting(lookup, names.healthPort()).map(value -> port(names, value))
                .orElse(names.defaultHealthPort());

        requireReadable(Path.of(certificate.get()), certVariable);
        requireReadable(keyPath, keyVariable);
        clientCa.ifPresent(ca -> requireReadable(ca, HttpsNames.variable(names.clientCa())));
        if (clientAuth != ClientAuth.NONE && clientCa.isEmpty()) {
            throw new ConfigurationException(HttpsNames.variable(names.clientAuth()) + "="
                    + clientAuth.name().toLowerCase(Locale.ROOT) + " needs " + HttpsNames.variable(names.clientCa())
                    + ", the CA that signs the client certificates");
        }
        return Optional.of(new HttpsSettings(Path.of(certificate.get()), keyPath, clientCa, clientAuth, healthPort));
    }

    /** Looks a name up as a system property, then as its environment variable ({@code MONITOR_TLS_CERT}). */
    public static UnaryOperator<String> systemLookup() {
        return name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(HttpsNames.variable(name));
        };
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
        properties.put(PROBES_LISTENER + ".port", healthPort);
        properties.put(PROBES_LISTENER + ".ssl", false);
        return properties;
    }

    private static Optional<String> setting(UnaryOperator<String> lookup, String name) {
        return Optional.ofNullable(lookup.apply(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static ClientAuth clientAuth(HttpsNames names, String value) {
        try {
            return ClientAuth.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(HttpsNames.variable(names.clientAuth())
                    + " must be none, want or need, got '" + value + "'");
        }
    }

    private static int port(HttpsNames names, String value) {
        String variable = HttpsNames.variable(names.healthPort());
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(variable + " must be a TCP port, got '" + value + "'");
        }
        if (port < 1 || port > 65535) {
            throw new ConfigurationException(variable + " must be a TCP port, got " + port);
        }
        return port;
    }

    private static void requireReadable(Path file, String variable) {
        if (!Files.isReadable(file)) {
            throw new ConfigurationException(variable + " names a file that cannot be read: " + file);
        }
    }
}
