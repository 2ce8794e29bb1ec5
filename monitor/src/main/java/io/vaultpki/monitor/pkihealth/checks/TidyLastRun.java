package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.input.TidyStatus;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.pkihealth.model.Param;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code tidy_last_run}: critical when no tidy ever finished on the mount or the last one finished more than
 * {@code last_run_critical} (7 days) ago, warning after {@code last_run_warning} (2 days). As the CLI:
 * https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_tidy_last_run.go.
 */
public final class TidyLastRun implements HealthCheck {

    public static final String NAME = "tidy_last_run";

    private static final List<Param> PARAMS = List.of(Param.duration("last_run_critical", "7d"),
            Param.duration("last_run_warning", "2d"));

    private static final String BASE = "Tidy hasn't run in the last %s; this can point to problems with the mount's"
            + " auto-tidy configuration or an external tidy executor; this can impact PKI's and Vault's performance if"
            + " not run regularly.";

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
        String endpoint = in.endpoint("tidy-status");
        var blocked = Reads.blocked(NAME, in.tidyStatus(), endpoint, "1.10+", "the tidy status endpoint");
        if (blocked.isPresent()) {
            return List.of(blocked.get());
        }
        TidyStatus status = in.tidyStatus().optional().orElseThrow();
        if (status.timeFinished().isEmpty()) {
            return List.of(CheckResult.of(NAME, CheckStatus.CRITICAL, endpoint, "Tidy hasn't run since this mount was"
                    + " created; this can point to problems with the mount's auto-tidy configuration or an external"
                    + " tidy executor; this can impact PKI's and Vault's performance if not run regularly. It is"
                    + " suggested to enable auto-tidy on this mount."));
        }
        Instant finished = status.timeFinished().get();
        Duration critical = settings.duration("last_run_critical");
        Duration warning = settings.duration("last_run_warning");
        if (finished.isBefore(now.minus(critical))) {
            return List.of(CheckResult.of(NAME, CheckStatus.CRITICAL, endpoint, String.format(BASE, Texts.go(critical))));
        }
        if (finished.isBefore(now.minus(warning))) {
            return List.of(CheckResult.of(NAME, CheckStatus.WARNING, endpoint, String.format(BASE, Texts.go(warning))));
        }
        return List.of(CheckResult.of(NAME, CheckStatus.OK, endpoint, "Tidy has run recently on this mount."));
    }
}
