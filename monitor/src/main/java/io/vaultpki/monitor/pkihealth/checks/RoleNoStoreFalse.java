package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.CrlConfig;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.input.RoleInput;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.pkihealth.model.Param;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code role_no_store_false}: warning for a role that stores every certificate it issues ({@code no_store=false}),
 * informational when CRLs are rebuilt automatically ({@code auto_rebuild}); roles listed in {@code allowed_roles}
 * are accepted as they are. As the CLI
 * (https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_role_no_store_false.go), which parses
 * {@code allowed_roles} but never consults it, so a listed role still warns there; here it does not.
 */
public final class RoleNoStoreFalse implements HealthCheck {

    public static final String NAME = "role_no_store_false";

    private static final List<Param> PARAMS = List.of(Param.strings("allowed_roles"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Param> params() {
        return PARAMS;
    }

    @Override
    public List<CheckResult> evaluate(MountInputs in, CheckSettings settings, Instant now) {
        RoleReads reads = RoleReads.of(NAME, in);
        if (reads.stop().isPresent()) {
            return List.of(reads.stop().get());
        }
        List<CheckResult> results = new ArrayList<>(reads.problems());
        if (in.crlConfig() instanceof Fetched.Forbidden<CrlConfig>) {
            results.add(CheckResult.of(NAME, CheckStatus.INSUFFICIENT_PERMISSIONS, in.endpoint("config/crl"),
                    "This token lacks permission to read the CRL configuration for this mount. This prevents the"
                            + " health check from seeing if the CRL is set to auto_rebuild=true and lowering the"
                            + " severity of check results appropriately."));
        }
        boolean autoRebuild = in.crlConfig().optional().map(CrlConfig::autoRebuild).orElse(false);
        Set<String> allowed = Set.copyOf(settings.strings("allowed_roles"));
        for (RoleInput role : reads.roles()) {
            // the fix: the CLI loads allowed_roles and then never looks at it
            if (role.noStore() || allowed.contains(role.name())) {
                continue;
            }
            String endpoint = in.endpoint("roles/" + role.name());
            results.add(autoRebuild
                    ? CheckResult.about(role.name(), NAME, CheckStatus.INFORMATIONAL, endpoint, "Role currently stores"
                            + " every issued certificate (no_store=false). With auto-rebuild CRL enabled, less"
                            + " performance impact occur on CRL rebuilding, but note that too many issued and/or"
                            + " revoked certificates can exceed Vault's storage limits and make operations slow. It is"
                            + " suggested to limit the number of certificates issued under roles with no_store=false:"
                            + " use shorter lifetimes to avoid revocation and/or BYOC revocation instead.")
                    : CheckResult.about(role.name(), NAME, CheckStatus.WARNING, endpoint, "Role currently stores every"
                            + " issued certificate (no_store=false). Too many issued and/or revoked certificates can"
                            + " exceed Vault's storage limits and make operations slow. It is encouraged to enable"
                            + " auto-rebuild of CRLs to prevent every revocation from creating a new CRL, and to limit"
                            + " the number of certificates issued under roles with no_store=false: use shorter"
                            + " lifetimes and/or BYOC revocation instead."));
        }
        if (results.isEmpty()) {
            results.add(CheckResult.of(NAME, CheckStatus.OK, in.endpoint("roles"),
                    "Roles follow best practices regarding certificate storage."));
        }
        return results;
    }
}
