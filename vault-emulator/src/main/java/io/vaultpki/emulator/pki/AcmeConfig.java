package io.vaultpki.emulator.pki;

import java.time.Duration;
import java.util.List;

/**
 * A mount's {@code config/acme} (Vault 1.14+), as {@code PkiMount#acmeConfig} sets it and {@code GET config/acme}
 * returns it (https://developer.hashicorp.com/vault/api-docs/secret/pki#get-acme-configuration;
 * {@code genResponseFromAcmeConfig} and {@code defaultAcmeConfig} in
 * https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/path_config_acme.go).
 *
 * @param enabled                {@code enabled}
 * @param allowedIssuers         {@code allowed_issuers} (default {@code ["*"]})
 * @param allowedRoles           {@code allowed_roles} (default {@code ["*"]})
 * @param allowRoleExtKeyUsage   {@code allow_role_ext_key_usage}
 * @param defaultDirectoryPolicy {@code default_directory_policy} (default {@code sign-verbatim})
 * @param dnsResolver            {@code dns_resolver} (default {@code ""})
 * @param eabPolicy              {@code eab_policy} (default {@code not-required})
 * @param maxTtl                 {@code max_ttl} (Vault 1.16+; seconds as a JSON number, 0 when unset)
 */
public record AcmeConfig(boolean enabled, List<String> allowedIssuers, List<String> allowedRoles,
                         boolean allowRoleExtKeyUsage, String defaultDirectoryPolicy, String dnsResolver,
                         String eabPolicy, Duration maxTtl) {

    public AcmeConfig {
        allowedIssuers = List.copyOf(allowedIssuers);
        allowedRoles = List.copyOf(allowedRoles);
    }

    /** ACME off, everything allowed once on. */
    public static AcmeConfig defaults() {
        return new AcmeConfig(false, List.of("*"), List.of("*"), false, "sign-verbatim", "", "not-required",
                Duration.ZERO);
    }

    public AcmeConfig withEnabled(boolean value) {
        return new AcmeConfig(value, allowedIssuers, allowedRoles, allowRoleExtKeyUsage, defaultDirectoryPolicy,
                dnsResolver, eabPolicy, maxTtl);
    }

    public AcmeConfig withAllowed(List<String> issuers, List<String> roles) {
        return new AcmeConfig(enabled, issuers, roles, allowRoleExtKeyUsage, defaultDirectoryPolicy, dnsResolver,
                eabPolicy, maxTtl);
    }

    public AcmeConfig withPolicies(String directoryPolicy, String eab) {
        return new AcmeConfig(enabled, allowedIssuers, allowedRoles, allowRoleExtKeyUsage, directoryPolicy,
                dnsResolver, eab, maxTtl);
    }
}
