package io.vaultpki.exporter.access;

import javax.security.auth.x500.X500Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Optional mTLS: client-certificate subjects mapped to principals with the same scopes, allow-lists and policies as
 * tokens ({@code exporter.api.client-certificates}). The TLS handshake has already verified the certificate against
 * the server's trust store ({@code micronaut.server.ssl.trust-store.*}); this only maps its subject. Subjects are
 * compared in canonical RFC 2253 form, so spacing and attribute-name case do not matter.
 */
public final class ClientCertificates {

    public static final String PREFIX = "exporter.api.client-certificates";
    private static final Set<String> KEYS = Set.of("subject", "scopes", "exports", "policy");

    private final Map<String, ApiPrincipal> bySubject;

    private ClientCertificates(Map<String, ApiPrincipal> bySubject) {
        // insertion order is configuration order, for messages that name exporter.api.client-certificates[i]
        this.bySubject = Collections.unmodifiableMap(new LinkedHashMap<>(bySubject));
    }

    public static ClientCertificates none() {
        return new ClientCertificates(Map.of());
    }

    public boolean isEmpty() {
        return bySubject.isEmpty();
    }

    /** The principals in configuration order ({@code exporter.api.client-certificates[i]}). */
    List<ApiPrincipal> principals() {
        return List.copyOf(bySubject.values());
    }

    /** Reads the configured list; a mistake is fatal and names its setting. */
    public static ClientCertificates load(List<?> entries) {
        Map<String, ApiPrincipal> out = new LinkedHashMap<>();
        if (entries == null) {
            return none();
        }
        for (int i = 0; i < entries.size(); i++) {
            String at = PREFIX + "[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> raw)) {
                throw new ApiConfigurationException(at, "must be a map with subject and scopes");
            }
            Map<String, Object> entry = ApiTokensLoader.normalise(raw, KEYS, at);
            if (!(entry.get("subject") instanceof String subject) || subject.isBlank()) {
                throw new ApiConfigurationException(at + ".subject", "is required, e.g. CN=nginx,O=Example");
            }
            String canonical;
            try {
                canonical = canonical(new X500Principal(subject));
            } catch (IllegalArgumentException e) {
                throw new ApiConfigurationException(at + ".subject", "is not a distinguished name such as CN=nginx,O=Example");
            }
            if (out.containsKey(canonical)) {
                throw new ApiConfigurationException(at + ".subject", "is mapped twice");
            }
            String name = new X500Principal(subject).getName(X500Principal.RFC2253);
            out.put(canonical, ApiTokensLoader.principal(entry, at, "mtls", name));
        }
        return new ClientCertificates(out);
    }

    /** The principal of a verified client certificate, or empty when its subject is not mapped. */
    public Optional<ApiPrincipal> authenticate(Certificate certificate) {
        if (!(certificate instanceof X509Certificate x509)) {
            return Optional.empty();
        }
        return Optional.ofNullable(bySubject.get(canonical(x509.getSubjectX500Principal())));
    }

    private static String canonical(X500Principal principal) {
        return principal.getName(X500Principal.CANONICAL).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "ClientCertificates[" + bySubject.size() + " subject(s)]";
    }
}
