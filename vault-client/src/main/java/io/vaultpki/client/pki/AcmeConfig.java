package io.vaultpki.client.pki;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET :mount/config/acme} (Vault 1.14+, https://developer.hashicorp.com/vault/api-docs/secret/pki#get-acme-configuration).
 *
 * @param enabled                {@code enabled}
 * @param allowedIssuers         {@code allowed_issuers}
 * @param allowedRoles           {@code allowed_roles}
 * @param defaultDirectoryPolicy {@code default_directory_policy}
 * @param dnsResolver            {@code dns_resolver}, {@code ""} for the system's
 * @param eabPolicy              {@code eab_policy}
 * @param allowRoleExtKeyUsage   {@code allow_role_ext_key_usage} (1.14.1+)
 * @param maxTtl                 {@code max_ttl} (Vault 1.16+)
 * @param warnings               the response's warnings, e.g. ACME enabled without {@code config/cluster path}
 */
public record AcmeConfig(boolean enabled, List<String> allowedIssuers, List<String> allowedRoles,
                         String defaultDirectoryPolicy, String dnsResolver, String eabPolicy,
                         Optional<Boolean> allowRoleExtKeyUsage, Optional<Duration> maxTtl, List<String> warnings) {

    public AcmeConfig {
        allowedIssuers = List.copyOf(allowedIssuers);
        allowedRoles = List.copyOf(allowedRoles);
        warnings = List.copyOf(warnings);
    }
}
