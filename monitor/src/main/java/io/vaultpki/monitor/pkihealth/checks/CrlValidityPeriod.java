package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.CrlConfig;
import io.vaultpki.monitor.pkihealth.input.CrlInput;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.IssuerInput;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.pkihealth.model.Param;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code crl_validity_period}: critical when {@code crl_expiry_pct_critical} (default 95) percent of a CRL's
 * thisUpdate-to-nextUpdate window has passed, and likewise for delta CRLs; informational instead when CRLs are
 * disabled. As the CLI (https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_crl_validity_period.go)
 * with two corrections: the CLI reads {@code disabled} from {@code config/crl}, but Vault's field is {@code disable}
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#disable), so its downgrade never fires; we read
 * {@code disable}. And the CLI names the CRL percentage in the delta CRL message; we name the delta percentage.
 */
public final class CrlValidityPeriod implements HealthCheck {

    public static final String NAME = "crl_validity_period";

    private static final List<Param> PARAMS = List.of(Param.integer("crl_expiry_pct_critical", "95", 1, 99),
            Param.integer("delta_crl_expiry_pct_critical", "95", 1, 99));

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
        var blocked = Reads.blocked(NAME, in.issuers(), in.endpoint("issuers"), "1.11+", "the issuers");
        if (blocked.isPresent()) {
            return List.of(blocked.get());
        }
        List<IssuerInput> issuers = in.issuers().optional().orElseThrow();
        if (issuers.isEmpty()) {
            return List.of(Reads.notApplicable(NAME, in.endpoint("issuers"), "This mount has no issuers."));
        }
        List<CheckResult> results = new ArrayList<>();
        // the CLI reads "disabled", a field Vault never returns; Vault's is "disable"
        boolean disabled = in.crlConfig().optional().map(CrlConfig::disable).orElse(false);
        if (in.crlConfig() instanceof Fetched.Forbidden<CrlConfig>) {
            results.add(CheckResult.of(NAME, CheckStatus.INSUFFICIENT_PERMISSIONS, in.endpoint("config/crl"),
                    "This token lacks permission to read the CRL configuration for this mount. This prevents the"
                            + " health check from seeing if the CRL is disabled and dropping the severity of this"
                            + " check accordingly."));
        }
        boolean anyDelta = false;
        boolean deltaUnsupported = false;
        List<CheckResult> deltas = new ArrayList<>();
        for (IssuerInput issuer : issuers) {
            Fetched<CrlInput> crl = in.crls().getOrDefault(issuer.id(), Fetched.notRead());
            String endpoint = in.endpoint("issuer/" + issuer.id() + "/crl");
            var crlBlocked = Reads.blocked(NAME, crl, endpoint, "1.11+", "issuer " + issuer.id() + "'s CRL");
            if (crlBlocked.isPresent() && crl instanceof Fetched.Unsupported<CrlInput>) {
                return List.of(crlBlocked.get());
            }
            results.add(crlBlocked.map(r -> about(issuer, r)).orElseGet(() -> judge(issuer, "CRL", endpoint,
                    crl.optional().orElseThrow(), settings.integer("crl_expiry_pct_critical"), disabled, now)));
            Fetched<CrlInput> delta = in.deltaCrls().getOrDefault(issuer.id(), Fetched.notRead());
            String deltaEndpoint = endpoint + "/delta";
            if (delta instanceof Fetched.Value<CrlInput> v) {
                anyDelta = true;
                deltas.add(judge(issuer, "Delta CRL", deltaEndpoint, v.value(),
                        settings.integer("delta_crl_expiry_pct_critical"), disabled, now));
            } else if (delta instanceof Fetched.Unsupported<CrlInput>) {
                deltaUnsupported = true;
            } else if (!(delta instanceof Fetched.NotRead<CrlInput>)) {
                Reads.blocked(NAME, delta, deltaEndpoint, "1.12+", "issuer " + issuer.id() + "'s delta CRL")
                        .ifPresent(r -> deltas.add(about(issuer, r)));
            }
        }
        if (deltaUnsupported && !anyDelta) {
            results.add(CheckResult.of(NAME, CheckStatus.INVALID_VERSION, in.endpoint("issuer/*/crl/delta"),
                    "This health check validates Delta CRLs on Vault 1.12+, but an earlier version of Vault was used."
                            + " No results about delta CRL validity will be returned."));
        }
        results.addAll(deltas);
        return results;
    }

    private static CheckResult about(IssuerInput issuer, CheckResult r) {
        return CheckResult.about(issuer.id(), r.check(), r.status(), r.endpoint(), r.message());
    }

    private static CheckResult judge(IssuerInput issuer, String kind, String endpoint, CrlInput crl, long percent,
                                     boolean disabled, Instant now) {
        if (crl.nextUpdate().isEmpty()) {
            return CheckResult.about(issuer.id(), NAME, CheckStatus.OK, endpoint, kind + " has no next update ("
                    + Texts.day(crl.thisUpdate()) + " onwards) and so does not go stale.");
        }
        Instant next = crl.nextUpdate().get();
        Duration used = Duration.between(crl.thisUpdate(), now);
        Duration limit = Duration.between(crl.thisUpdate(), next).multipliedBy(percent).dividedBy(100);
        if (used.compareTo(limit) < 0) {
            return CheckResult.about(issuer.id(), NAME, CheckStatus.OK, endpoint, kind + "'s validity ("
                    + Texts.day(crl.thisUpdate()) + " to " + Texts.day(next) + ") is OK.");
        }
        String message = kind + "'s validity is outside of suggested rotation window: " + kind + "'s next update is"
                + " expected at " + Texts.day(next) + ", but expires within " + percent + "% of validity window"
                + " (starting on " + Texts.day(crl.thisUpdate()) + " and ending on "
                + Texts.day(crl.thisUpdate().plus(limit)) + "). It is suggested to rotate this " + kind + " and start"
                + " propagating it to hosts to avoid any issues caused by stale CRLs.";
        return disabled
                ? CheckResult.about(issuer.id(), NAME, CheckStatus.INFORMATIONAL, endpoint,
                        message + " Because the CRL is disabled, this is less of a concern.")
                : CheckResult.about(issuer.id(), NAME, CheckStatus.CRITICAL, endpoint, message);
    }
}
