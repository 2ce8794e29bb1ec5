package io.vaultpki.emulator.pki;

import java.time.Duration;
import java.util.List;

/**
 * A stored PKI role (the subset of Vault's role fields the emulator enforces; the rest are reported with Vault's
 * defaults). Build one with {@link RoleSpec}.
 */
public record Role(
        String name,
        Duration ttl,
        Duration maxTtl,
        List<String> allowedDomains,
        boolean allowSubdomains,
        boolean allowAnyName,
        boolean allowBareDomains,
        boolean allowGlobDomains,
        boolean allowWildcardCertificates,
        boolean allowLocalhost,
        boolean allowIpSans,
        List<String> allowedUriSans,
        String keyType,
        int keyBits,
        String issuerRef,
        boolean noStore,
        boolean generateLease,
        boolean requireCn,
        boolean useCsrCommonName,
        boolean useCsrSans,
        boolean enforceHostnames,
        List<String> ou,
        List<String> organization) {

    public Role {
        allowedDomains = List.copyOf(allowedDomains);
        allowedUriSans = List.copyOf(allowedUriSans);
        ou = List.copyOf(ou);
        organization = List.copyOf(organization);
    }
}
