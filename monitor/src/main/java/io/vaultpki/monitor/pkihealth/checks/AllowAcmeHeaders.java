package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.time.Instant;
import java.util.List;

/**
 * {@code allow_acme_headers}: with ACME on, warning unless {@code allowed_response_headers} has {@code Replay-Nonce},
 * {@code Link} and {@code Location}, without which ACME clients fail. As the CLI:
 * https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_allow_acme_headers.go.
 */
public final class AllowAcmeHeaders implements HealthCheck {

    public static final String NAME = "allow_acme_headers";

    static final List<String> REQUIRED = List.of("Replay-Nonce", "Link", "Location");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> evaluate(MountInputs in, CheckSettings settings, Instant now) {
        String acmeEndpoint = in.endpoint("config/acme");
        String tuneEndpoint = "sys/mounts/" + in.path() + "/tune";
        var blocked = Reads.blocked(NAME, in.acme(), acmeEndpoint, "1.14+", "the ACME configuration");
        if (blocked.isPresent()) {
            return List.of(blocked.get());
        }
        if (!in.acme().optional().orElseThrow().enabled()) {
            return List.of(Reads.notApplicable(NAME, acmeEndpoint,
                    "ACME is not enabled, no additional response headers required."));
        }
        var tuneBlocked = Reads.blocked(NAME, in.tune(), tuneEndpoint, "1.14+", "the tune endpoint");
        if (tuneBlocked.isPresent()) {
            return List.of(tuneBlocked.get());
        }
        List<String> allowed = in.tune().optional().orElseThrow().allowedResponseHeaders();
        boolean all = REQUIRED.stream().allMatch(h -> allowed.stream().anyMatch(h::equalsIgnoreCase));
        return List.of(all
                ? CheckResult.of(NAME, CheckStatus.OK, tuneEndpoint,
                        "Mount has enabled 'Replay-Nonce', 'Link', 'Location' response headers.")
                : CheckResult.of(NAME, CheckStatus.WARNING, tuneEndpoint, "Mount hasn't enabled 'Replay-Nonce', 'Link',"
                        + " 'Location' response headers, these are required for ACME to function."));
    }
}
