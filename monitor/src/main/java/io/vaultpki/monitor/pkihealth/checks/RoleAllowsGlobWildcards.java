package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.input.RoleInput;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code role_allows_glob_wildcards}: warning for a role that allows wildcard certificates and glob domains with a
 * {@code *} in {@code allowed_domains}, since a glob can expand to wildcards under further subdomains. As the CLI:
 * https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_role_allows_glob_wildcards.go.
 */
public final class RoleAllowsGlobWildcards implements HealthCheck {

    public static final String NAME = "role_allows_glob_wildcards";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> evaluate(MountInputs in, CheckSettings settings, Instant now) {
        RoleReads reads = RoleReads.of(NAME, in);
        if (reads.stop().isPresent()) {
            return List.of(reads.stop().get());
        }
        if (reads.roles().stream().anyMatch(r -> r.allowWildcardCertificates().isEmpty())) {
            return List.of(CheckResult.of(NAME, CheckStatus.INVALID_VERSION, in.endpoint("roles"), "This health check"
                    + " requires a version of Vault with allow_wildcard_certificates (Vault 1.8.9+, 1.9.4+, or"
                    + " 1.10.0+), but an earlier version of Vault Server was contacted, preventing this health check"
                    + " from running."));
        }
        List<CheckResult> results = new ArrayList<>(reads.problems());
        for (RoleInput role : reads.roles()) {
            if (role.allowWildcardCertificates().orElse(false) && role.allowGlobDomains()
                    && role.allowedDomains().stream().anyMatch(d -> d.contains("*"))) {
                results.add(CheckResult.about(role.name(), NAME, CheckStatus.WARNING, in.endpoint("roles/" + role.name()),
                        "Role currently allows wildcard issuance while allowing globs in allowed_domains ("
                                + Texts.list(role.allowedDomains()) + "). Because globs can expand to one or more"
                                + " wildcard character, including wildcards under additional subdomains, these options"
                                + " are dangerous to enable together. If glob domains are required to be enabled, it"
                                + " is suggested to either disable wildcard issuance if not desired, or create two"
                                + " separate roles -- one with wildcard issuance for specified domains and one with"
                                + " glob matching enabled for concrete domain identifiers."));
            }
        }
        if (results.isEmpty()) {
            results.add(CheckResult.of(NAME, CheckStatus.OK, in.endpoint("roles"),
                    "Roles follow best practices regarding restricting wildcard certificate issuance in roles."));
        }
        return results;
    }
}
