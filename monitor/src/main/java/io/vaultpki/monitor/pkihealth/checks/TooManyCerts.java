package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.pkihealth.model.Param;

import java.time.Instant;
import java.util.List;

/**
 * {@code too_many_certs}: warning at {@code count_warning} (50,000) stored certificates, critical at
 * {@code count_critical} (250,000). As the CLI
 * (https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_too_many_certs.go), whose message advises
 * {@code no_store=false}, the setting that stores certificates; ours advises {@code no_store=true}.
 */
public final class TooManyCerts implements HealthCheck {

    public static final String NAME = "too_many_certs";

    private static final List<Param> PARAMS = List.of(Param.integer("count_critical", 250_000, 1, 15_000_000),
            Param.integer("count_warning", 50_000, 1, 15_000_000));

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
        String endpoint = in.endpoint("certs");
        var blocked = Reads.blocked(NAME, in.storedCertificates(), endpoint, "1.11+", "the certificate list");
        if (blocked.isPresent()) {
            return List.of(blocked.get());
        }
        long count = in.storedCertificates().optional().orElseThrow();
        String message = "This PKI mount has " + count + " outstanding stored certificates; consider using"
                + " no_store=true on roles, running tidy operations periodically, and using shorter certificate"
                + " lifetimes to reduce the storage pressure on this mount.";
        if (count >= settings.integer("count_critical")) {
            return List.of(CheckResult.of(NAME, CheckStatus.CRITICAL, endpoint, message));
        }
        if (count >= settings.integer("count_warning")) {
            return List.of(CheckResult.of(NAME, CheckStatus.WARNING, endpoint, message));
        }
        return List.of(CheckResult.of(NAME, CheckStatus.OK, endpoint,
                "This mount has an OK number of stored certificates."));
    }
}
