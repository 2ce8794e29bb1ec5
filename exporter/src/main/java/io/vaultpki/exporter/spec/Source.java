package io.vaultpki.exporter.spec;

import java.util.Locale;
import java.util.Optional;

/** Where an export's certificate comes from. */
public enum Source {
    /** Vault issues a certificate and its private key for a role; the exporter keeps it renewed. */
    ISSUE,
    /** An issuer's CA certificate and chain; public only, re-read at the refresh interval. */
    ISSUER,
    /** An existing certificate by serial; public only. */
    CERTIFICATE,
    /** A client's CSR signed by a role; the private key never reaches the exporter. */
    SIGN;

    /** The lower-case name used in configuration, JSON and metric labels. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Source> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Source s : values()) {
            if (s.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether this source yields a private key (only {@link #ISSUE}). */
    public boolean providesKey() {
        return this == ISSUE;
    }

    /** Whether certificates of this source are renewed by asking Vault for a new one (issue and sign). */
    public boolean renews() {
        return this == ISSUE || this == SIGN;
    }
}
