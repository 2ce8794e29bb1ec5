package io.vaultpki.monitor.pkihealth.input;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One role ({@code <mount>/roles/<name>}, https://developer.hashicorp.com/vault/api-docs/secret/pki#read-role),
 * the fields the checks use.
 *
 * @param name                      role name
 * @param allowLocalhost            {@code allow_localhost}
 * @param allowedDomains            {@code allowed_domains}
 * @param allowWildcardCertificates {@code allow_wildcard_certificates}; empty on a Vault without the field
 *                                  (before 1.8.9, 1.9.4, 1.10.0)
 * @param allowGlobDomains          {@code allow_glob_domains}
 * @param noStore                   {@code no_store}
 * @param maxTtl                    {@code max_ttl}; zero when unset (the mount's max lease TTL applies)
 * @param issuerRef                 {@code issuer_ref}: an issuer id or name, or {@code default}
 */
public record RoleInput(String name, boolean allowLocalhost, List<String> allowedDomains,
                        Optional<Boolean> allowWildcardCertificates, boolean allowGlobDomains, boolean noStore,
                        Duration maxTtl, String issuerRef) {

    public RoleInput {
        Objects.requireNonNull(name, "name");
        allowedDomains = allowedDomains == null ? List.of() : List.copyOf(allowedDomains);
        allowWildcardCertificates = allowWildcardCertificates == null ? Optional.empty() : allowWildcardCertificates;
        maxTtl = maxTtl == null || maxTtl.isNegative() ? Duration.ZERO : maxTtl;
        issuerRef = issuerRef == null || issuerRef.isBlank() ? "default" : issuerRef;
    }
}
