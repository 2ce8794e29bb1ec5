package io.vaultpki.exporter.spec;

import java.util.Optional;

/**
 * One file an export can hold, by role. Its name on disk depends on the export's {@link NamingProfile}.
 * Private files hold key material: mode 0600, served only with the {@code keys} scope.
 */
public enum ExportFile {
    CERT_PEM("cert.pem", false, "application/x-pem-file"),
    CHAIN_PEM("chain.pem", false, "application/pem-certificate-chain"),
    FULLCHAIN_PEM("fullchain.pem", false, "application/pem-certificate-chain"),
    CA_PEM("ca.pem", false, "application/x-pem-file"),
    KEY_PEM("key.pem", true, "application/x-pem-file"),
    CERT_DER("cert.der", false, "application/pkix-cert"),
    KEY_DER("key.der", true, "application/pkcs8"),
    BUNDLE_P12("bundle.p12", true, "application/x-pkcs12"),
    COMBINED_PEM("combined.pem", true, "application/x-pem-file");

    /** Always present beside the formats; never holds key material. */
    public static final String METADATA = "metadata.json";

    private final String defaultName;
    private final boolean privateFile;
    private final String contentType;

    ExportFile(String defaultName, boolean privateFile, String contentType) {
        this.defaultName = defaultName;
        this.privateFile = privateFile;
        this.contentType = contentType;
    }

    /** The file name under the {@code default} naming profile. */
    public String defaultName() {
        return defaultName;
    }

    /** Whether the file holds key material (all private files need the key). */
    public boolean isPrivate() {
        return privateFile;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ExportFile> byDefaultName(String name) {
        for (ExportFile f : values()) {
            if (f.defaultName.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
