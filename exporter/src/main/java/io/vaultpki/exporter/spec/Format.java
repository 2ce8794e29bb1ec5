package io.vaultpki.exporter.spec;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The formats a user picks per export; each stands for one or more {@link ExportFile}s. */
public enum Format {
    /** {@code cert.pem}, {@code chain.pem}, {@code ca.pem} and (issue only) {@code key.pem}. */
    PEM(EnumSet.of(ExportFile.CERT_PEM, ExportFile.CHAIN_PEM, ExportFile.CA_PEM, ExportFile.KEY_PEM)),
    /** {@code fullchain.pem}: leaf and intermediates, as nginx and Traefik want. */
    FULLCHAIN(EnumSet.of(ExportFile.FULLCHAIN_PEM)),
    /** {@code cert.der} and (issue only) {@code key.der} (PKCS#8). */
    DER(EnumSet.of(ExportFile.CERT_DER, ExportFile.KEY_DER)),
    /** {@code bundle.p12}: key and full chain (issue only). */
    PKCS12(EnumSet.of(ExportFile.BUNDLE_P12)),
    /** {@code combined.pem}: key, leaf and chain in one file, as HAProxy wants (issue only). */
    COMBINED(EnumSet.of(ExportFile.COMBINED_PEM));

    /** Used when an export names no formats. */
    public static final Set<Format> DEFAULTS = EnumSet.of(PEM, FULLCHAIN, DER);

    private final Set<ExportFile> files;

    Format(Set<ExportFile> files) {
        this.files = files;
    }

    public Set<ExportFile> files() {
        return EnumSet.copyOf(files);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Format> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Format f : values()) {
            if (f.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
