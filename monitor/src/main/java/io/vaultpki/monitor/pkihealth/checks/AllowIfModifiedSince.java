package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.input.MountTune;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.time.Instant;
import java.util.List;

/**
 * {@code allow_if_modified_since}: informational unless the mount passes the {@code If-Modified-Since} request
 * header through and allows the {@code Last-Modified} response header (names compared case-insensitively), which
 * let clients fetch CAs and CRLs only when they changed. As the CLI:
 * https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_allow_if_modified_since.go.
 */
public final class AllowIfModifiedSince implements HealthCheck {

    public static final String NAME = "allow_if_modified_since";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> evaluate(MountInputs in, CheckSettings settings, Instant now) {
        String endpoint = "sys/mounts/" + in.path() + "/tune";
        var blocked = Reads.blocked(NAME, in.tune(), endpoint, "1.12+", "the tune endpoint");
        if (blocked.isPresent()) {
            return List.of(blocked.get());
        }
        MountTune tune = in.tune().optional().orElseThrow();
        boolean ims = tune.passthroughRequestHeaders().stream().anyMatch("If-Modified-Since"::equalsIgnoreCase);
        boolean lm = tune.allowedResponseHeaders().stream().anyMatch("Last-Modified"::equalsIgnoreCase);
        return List.of(ims && lm
                ? CheckResult.of(NAME, CheckStatus.OK, endpoint, "Mount allows the If-Modified-Since request header"
                        + " and Last-Modified response header.")
                : CheckResult.of(NAME, CheckStatus.INFORMATIONAL, endpoint, "Mount hasn't enabled If-Modified-Since"
                        + " Request or Last-Modified Response headers; consider enabling these headers to allow"
                        + " clients to fetch CAs and CRLs only when they've changed, reducing total bandwidth."));
    }
}
