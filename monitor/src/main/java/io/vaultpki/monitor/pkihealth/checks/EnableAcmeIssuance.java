package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.IssuerInput;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code enable_acme_issuance}: with ACME off, informational when the mount has an intermediate issuer (a mount of
 * roots only, or none, is {@code not_applicable}); with ACME on, warning when {@code config/cluster}'s {@code path}
 * is unset or not an {@code https} URL, since ACME clients reach the mount through it. As the CLI
 * (https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_enable_acme_issuance.go), except that the
 * CLI then fetches the ACME directory under that path: the monitor makes no such live probe, so its {@code ok}
 * means "configured", not "reachable".
 */
public final class EnableAcmeIssuance implements HealthCheck {

    public static final String NAME = "enable_acme_issuance";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> evaluate(MountInputs in, CheckSettings settings, Instant now) {
        String acmeEndpoint = in.endpoint("config/acme");
        String clusterEndpoint = in.endpoint("config/cluster");
        var blocked = Reads.blocked(NAME, in.acme(), acmeEndpoint, "1.14+", "the ACME configuration");
        if (blocked.isPresent()) {
            return List.of(blocked.get());
        }
        if (!in.acme().optional().orElseThrow().enabled()) {
            var issuersBlocked = Reads.blocked(NAME, in.issuers(), in.endpoint("issuers"), "1.11+", "the issuers");
            if (issuersBlocked.isPresent()) {
                return List.of(issuersBlocked.get());
            }
            List<IssuerInput> issuers = in.issuers().optional().orElseThrow();
            if (issuers.isEmpty()) {
                return List.of(Reads.notApplicable(NAME, acmeEndpoint, "No issuers in mount, ACME is not required."));
            }
            if (issuers.stream().allMatch(IssuerInput::root)) {
                return List.of(Reads.notApplicable(NAME, acmeEndpoint,
                        "Mount contains only root issuers, ACME is not required."));
            }
            return List.of(CheckResult.of(NAME, CheckStatus.INFORMATIONAL, acmeEndpoint,
                    "Consider enabling ACME support to support a self-rotating PKI infrastructure."));
        }
        var clusterBlocked = Reads.blocked(NAME, in.cluster(), clusterEndpoint, "1.14+", "the cluster configuration");
        if (clusterBlocked.isPresent()) {
            return List.of(clusterBlocked.get());
        }
        String path = in.cluster().optional().orElseThrow().path();
        String problem = path.isEmpty() ? "'path' field not configured within /" + clusterEndpoint
                : !isHttps(path) ? "the configured 'path' field in /" + clusterEndpoint + " was not using an https scheme"
                : null;
        if (problem != null) {
            return List.of(CheckResult.of(NAME, CheckStatus.WARNING, clusterEndpoint,
                    "ACME enabled in config but not functional: " + problem));
        }
        return List.of(CheckResult.of(NAME, CheckStatus.OK, clusterEndpoint, "ACME enabled and the cluster path ("
                + path + ") uses https; the monitor does not probe the ACME directory."));
    }

    private static boolean isHttps(String path) {
        try {
            URI uri = new URI(path);
            return "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
