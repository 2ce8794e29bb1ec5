package io.vaultpki.exporter.audit;

/**
 * Who did something: an API token (by its configured name, never the secret), a client certificate (by subject), or
 * the exporter itself (renewals, start-up).
 *
 * @param type          {@code token}, {@code mtls} or {@code system}
 * @param name          token name, certificate subject, or {@code exporter}
 * @param sourceAddress remote address of the request; {@code null} for system actions
 */
public record Actor(String type, String name, String sourceAddress) {

    public static final Actor SYSTEM = new Actor("system", "exporter", null);

    public static Actor token(String name, String sourceAddress) {
        return new Actor("token", name, sourceAddress);
    }

    public static Actor mtls(String subject, String sourceAddress) {
        return new Actor("mtls", subject, sourceAddress);
    }
}
