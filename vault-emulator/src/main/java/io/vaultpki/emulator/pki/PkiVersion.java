package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.spi.Flavor;

/**
 * Which PKI features the emulated server version has, so that a path the version lacks answers 404
 * {@code unsupported path} as that version's router does. Vault added: multi-issuer ({@code issuers},
 * {@code issuer/*}, {@code keys}, {@code key/*}) in 1.11, delta CRLs and {@code config/auto-tidy} in 1.12
 * (https://github.com/hashicorp/vault/pull/16900), {@code config/cluster} in 1.13 and {@code config/acme} in 1.14
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki). OpenBao 2.x forked after 1.14 and has them all.
 * A mount switched to {@link PkiMount#legacy(boolean)} behaves as Vault 1.10.
 */
final class PkiVersion {

    /** A PKI feature and the Vault version that introduced it. */
    enum Feature {
        BASE(1, 0), MULTI_ISSUER(1, 11), DELTA_CRL(1, 12), AUTO_TIDY(1, 12), CLUSTER_CONFIG(1, 13),
        /** {@code cross_cluster_revocation}, {@code unified_crl*} in {@code config/crl} (Vault only). */
        UNIFIED_CRL_FIELDS(1, 13), ACME(1, 14),
        /** {@code last_auto_tidy_finished} in {@code tidy-status} (https://github.com/hashicorp/vault/pull/20442). */
        LAST_AUTO_TIDY(1, 14);

        private final int major;
        private final int minor;

        Feature(int major, int minor) {
            this.major = major;
            this.minor = minor;
        }
    }

    private final Flavor flavor;
    private final int major;
    private final int minor;

    PkiVersion(Flavor flavor, String version) {
        this.flavor = flavor;
        String[] parts = (version == null ? "" : version.replaceFirst("^v", "")).split("[.+-]");
        this.major = parts.length > 0 ? number(parts[0], 1) : 1;
        this.minor = parts.length > 1 ? number(parts[1], 99) : 99;
    }

    /** The version a flavor's emulator reports by default (1.17.3 / 2.3.1). */
    static PkiVersion latest(Flavor flavor) {
        return new PkiVersion(flavor, flavor == Flavor.VAULT ? "1.17.3" : "2.3.1");
    }

    /** Whether the server has {@code feature}; {@code legacy} caps it at Vault 1.10. */
    boolean has(Feature feature, boolean legacy) {
        if (feature == Feature.BASE) {
            return true;
        }
        if (legacy) {
            return false;
        }
        if (flavor == Flavor.OPENBAO) {
            return feature != Feature.UNIFIED_CRL_FIELDS;
        }
        return major > feature.major || (major == feature.major && minor >= feature.minor);
    }

    Flavor flavor() {
        return flavor;
    }

    private static int number(String text, int fallback) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
