package io.vaultpki.monitor.pkihealth.checks;

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
 * {@code ca_validity_period}: how long each issuer remains valid, against windows that are longer for a root
 * (critical 180 days, warning 365, informational 730) than for an intermediate (30, 60, 180). As the CLI:
 * https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_ca_validity_period.go (its code's default for
 * {@code root_expiry_critical} is {@code 180d}; the documentation says 182d).
 */
public final class CaValidityPeriod implements HealthCheck {

    public static final String NAME = "ca_validity_period";

    private static final List<Param> PARAMS = List.of(
            Param.duration("root_expiry_critical", "180d"), Param.duration("intermediate_expiry_critical", "30d"),
            Param.duration("root_expiry_warning", "365d"), Param.duration("intermediate_expiry_warning", "60d"),
            Param.duration("root_expiry_informational", "730d"),
            Param.duration("intermediate_expiry_informational", "180d"));

    private static final List<CheckStatus> GRAVITY = List.of(CheckStatus.CRITICAL, CheckStatus.WARNING,
            CheckStatus.INFORMATIONAL);

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
        for (IssuerInput issuer : issuers) {
            String endpoint = in.endpoint("issuer/" + issuer.id());
            CheckResult result = CheckResult.about(issuer.id(), NAME, CheckStatus.OK, endpoint,
                    "Issuer's validity (" + Texts.day(issuer.notAfter()) + ") is OK");
            for (CheckStatus gravity : GRAVITY) {
                Duration window = settings.duration((issuer.root() ? "root" : "intermediate") + "_expiry_"
                        + gravity.label());
                Instant windowEnd = now.plus(window);
                if (issuer.notAfter().isBefore(windowEnd)) {
                    result = CheckResult.about(issuer.id(), NAME, gravity, endpoint, "Issuer's validity is outside"
                            + " of the suggested rotation window: issuer is valid until " + Texts.day(issuer.notAfter())
                            + " but expires within " + Texts.cliDuration(window) + " (ending on " + Texts.day(windowEnd)
                            + "). It is suggested to start rotating this issuer to new key material to avoid future"
                            + " downtime caused by this current issuer expiring.");
                    break;
                }
            }
            results.add(result);
        }
        return results;
    }
}
