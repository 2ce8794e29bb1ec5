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
 * {@code role_allows_localhost}: warning for a role with {@code allow_localhost=true} and a non-empty
 * {@code allowed_domains}, where localhost is easily overlooked. As the CLI:
 * https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_role_allows_localhost.go.
 */
public final class RoleAllowsLocalhost implements HealthCheck {

    public static final String NAME = "role_allows_localhost";

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
        List<CheckResult> results = new ArrayList<>(reads.problems());
        for (RoleInput role : reads.roles()) {
            if (role.allowLocalhost() && !role.allowedDomains().isEmpty()) {
                results.add(CheckResult.about(role.name(), NAME, CheckStatus.WARNING, in.endpoint("roles/" + role.name()),
                        "Role currently allows localhost issuance with a non-empty allowed_domains ("
                                + Texts.list(role.allowedDomains()) + "): this role is intended for issuing other"
                                + " hostnames and the allow_localhost=true option may be overlooked by operators. If"
                                + " this role is intended to issue certificates valid for localhost, consider setting"
                                + " allow_localhost=false and explicitly adding localhost to the list of allowed"
                                + " domains."));
            }
        }
        if (results.isEmpty()) {
            results.add(CheckResult.of(NAME, CheckStatus.OK, in.endpoint("roles"),
                    "Roles follow best practices regarding allowing issuance for localhost domains."));
        }
        return results;
    }
}
