package io.vaultpki.exporter.access;

import java.util.Locale;
import java.util.Optional;

/**
 * What an API token may do. Scopes are independent: {@code write} never implies {@code keys} and neither implies
 * {@code read}, so a deployer token that creates exports cannot download the keys it caused to be minted.
 */
public enum Scope {
    /** GET exports, their public files and the issuers. */
    READ,
    /** Create, change, delete and renew exports, within the token's write policy. */
    WRITE,
    /** Download private files (key.pem, key.der, bundle.p12, combined.pem); needs {@code read} as well. */
    KEYS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> parse(String value) {
        for (Scope s : values()) {
            if (s.wire().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
