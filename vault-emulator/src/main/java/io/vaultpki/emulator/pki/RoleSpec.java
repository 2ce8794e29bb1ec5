package io.vaultpki.emulator.pki;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fluent, mutable description of a role, with Vault's defaults (key {@code rsa}/2048, issuer {@code default},
 * {@code allow_localhost}, {@code allow_ip_sans}, {@code require_cn}, {@code use_csr_common_name},
 * {@code use_csr_sans}, {@code enforce_hostnames} and {@code allow_wildcard_certificates} true, everything else off). Read by {@link PkiMount#role(RoleSpec)}.
 */
public final class RoleSpec {

    private final String name;
    private Duration ttl = Duration.ZERO;
    private Duration maxTtl = Duration.ZERO;
    private final List<String> allowedDomains = new ArrayList<>();
    private boolean allowSubdomains;
    private boolean allowAnyName;
    private boolean allowBareDomains;
    private boolean allowGlobDomains;
    private boolean allowWildcardCertificates = true;
    private boolean allowLocalhost = true;
    private boolean allowIpSans = true;
    private final List<String> allowedUriSans = new ArrayList<>();
    private String keyType = "rsa";
    private int keyBits = 2048;
    private String issuerRef = "default";
    private boolean noStore;
    private boolean generateLease;
    private boolean requireCn = true;
    private boolean useCsrCommonName = true;
    private boolean useCsrSans = true;
    private boolean enforceHostnames = true;
    private final List<String> ou = new ArrayList<>();
    private final List<String> organization = new ArrayList<>();

    private RoleSpec(String name) {
        this.name = name;
    }

    public static RoleSpec named(String name) {
        return new RoleSpec(name);
    }

    public RoleSpec ttl(Duration ttl) {
        this.ttl = ttl;
        return this;
    }

    public RoleSpec maxTtl(Duration maxTtl) {
        this.maxTtl = maxTtl;
        return this;
    }

    public RoleSpec allowedDomains(String... domains) {
        allowedDomains.addAll(List.of(domains));
        return this;
    }

    public RoleSpec allowSubdomains(boolean value) {
        allowSubdomains = value;
        return this;
    }

    public RoleSpec allowAnyName(boolean value) {
        allowAnyName = value;
        return this;
    }

    public RoleSpec allowBareDomains(boolean value) {
        allowBareDomains = value;
        return this;
    }

    public RoleSpec allowGlobDomains(boolean value) {
        allowGlobDomains = value;
        return this;
    }

    /** {@code allow_wildcard_certificates} (default true, as Vault's). */
    public RoleSpec allowWildcardCertificates(boolean value) {
        allowWildcardCertificates = value;
        return this;
    }

    public RoleSpec allowLocalhost(boolean value) {
        allowLocalhost = value;
        return this;
    }

    public RoleSpec allowIpSans(boolean value) {
        allowIpSans = value;
        return this;
    }

    public RoleSpec allowedUriSans(String... patterns) {
        allowedUriSans.addAll(List.of(patterns));
        return this;
    }

    /** Vault's {@code key_type} ({@code rsa}, {@code ec}, {@code ed25519}, {@code any}) and {@code key_bits}. */
    public RoleSpec key(String type, int bits) {
        this.keyType = type;
        this.keyBits = bits;
        return this;
    }

    public RoleSpec key(KeyAlgorithm algorithm) {
        return key(algorithm.vaultType(), algorithm.bits());
    }

    /** Stored verbatim like Vault: a name is resolved at issue time, not now. */
    public RoleSpec issuerRef(String ref) {
        this.issuerRef = ref;
        return this;
    }

    public RoleSpec noStore(boolean value) {
        noStore = value;
        return this;
    }

    public RoleSpec generateLease(boolean value) {
        generateLease = value;
        return this;
    }

    public RoleSpec requireCn(boolean value) {
        requireCn = value;
        return this;
    }

    public RoleSpec useCsrCommonName(boolean value) {
        useCsrCommonName = value;
        return this;
    }

    public RoleSpec useCsrSans(boolean value) {
        useCsrSans = value;
        return this;
    }

    public RoleSpec enforceHostnames(boolean value) {
        enforceHostnames = value;
        return this;
    }

    public RoleSpec ou(String... units) {
        ou.addAll(List.of(units));
        return this;
    }

    public RoleSpec organization(String... names) {
        organization.addAll(List.of(names));
        return this;
    }

    Role build() {
        return new Role(name, ttl, maxTtl, allowedDomains, allowSubdomains, allowAnyName, allowBareDomains,
                allowGlobDomains, allowWildcardCertificates, allowLocalhost, allowIpSans, allowedUriSans, keyType,
                keyBits, issuerRef, noStore, generateLease, requireCn, useCsrCommonName, useCsrSans, enforceHostnames, ou, organization);
    }
}
