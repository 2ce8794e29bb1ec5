package io.vaultpki.exporter.spec;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * File names per export, so that consumers migrating from cert-manager (Kubernetes TLS secret keys) or certbot keep
 * their paths. Roles a profile does not rename keep their default names.
 */
public enum NamingProfile {
    DEFAULT(Map.of()),
    /** cert-manager / {@code kubernetes.io/tls}: {@code tls.crt} is leaf + chain, {@code tls.key}, {@code ca.crt}. */
    KUBERNETES(Map.of(ExportFile.FULLCHAIN_PEM, "tls.crt", ExportFile.KEY_PEM, "tls.key", ExportFile.CA_PEM, "ca.crt")),
    /** certbot's live directory: {@code privkey.pem} beside {@code cert.pem}, {@code chain.pem}, {@code fullchain.pem}. */
    CERTBOT(Map.of(ExportFile.KEY_PEM, "privkey.pem"));

    private final Map<ExportFile, String> renamed;

    NamingProfile(Map<ExportFile, String> renamed) {
        this.renamed = new EnumMap<>(ExportFile.class);
        this.renamed.putAll(renamed);
    }

    /** The on-disk (and download) name of {@code file} under this profile. */
    public String fileName(ExportFile file) {
        return renamed.getOrDefault(file, file.defaultName());
    }

    /** The role of an on-disk name under this profile, if it names one. */
    public Optional<ExportFile> fileFor(String name) {
        for (ExportFile f : ExportFile.values()) {
            if (fileName(f).equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NamingProfile> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (NamingProfile p : values()) {
            if (p.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
