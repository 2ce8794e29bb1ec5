package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.AutoTidyConfig;
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
 * {@code enable_auto_tidy}: informational when auto-tidy is off; when on, critical or warning for an
 * {@code interval_duration} of at least 7 days or 2 days, and for a {@code pause_duration} of at least 1 s or
 * 200 ms. As the CLI: https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_enable_auto_tidy.go.
 */
public final class EnableAutoTidy implements HealthCheck {

    public static final String NAME = "enable_auto_tidy";

    private static final List<Param> PARAMS = List.of(Param.duration("interval_duration_critical", "7d"),
            Param.duration("interval_duration_warning", "2d"), Param.duration("pause_duration_critical", "1s"),
            Param.duration("pause_duration_warning", "200ms"));

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
        String endpoint = in.endpoint("config/auto-tidy");
        var blocked = Reads.blocked(NAME, in.autoTidy(), endpoint, "1.12+", "the auto-tidy configuration");
        if (blocked.isPresent()) {
            return List.of(blocked.get());
        }
        AutoTidyConfig config = in.autoTidy().optional().orElseThrow();
        if (!config.enabled()) {
            return List.of(CheckResult.of(NAME, CheckStatus.INFORMATIONAL, endpoint, "Auto-tidy is currently"
                    + " disabled; consider enabling auto-tidy to execute tidy operations periodically. This helps the"
                    + " health and performance of a mount."));
        }
        List<CheckResult> results = new ArrayList<>();
        judge(results, endpoint, "interval_duration", config.intervalDuration(), settings);
        judge(results, endpoint, "pause_duration", config.pauseDuration(), settings);
        if (results.isEmpty()) {
            results.add(CheckResult.of(NAME, CheckStatus.OK, endpoint,
                    "Auto-tidy is enabled and configured appropriately."));
        }
        return results;
    }

    private static void judge(List<CheckResult> results, String endpoint, String field, Duration value,
                              CheckSettings settings) {
        CheckStatus status = value.compareTo(settings.duration(field + "_critical")) >= 0 ? CheckStatus.CRITICAL
                : value.compareTo(settings.duration(field + "_warning")) >= 0 ? CheckStatus.WARNING : null;
        if (status != null) {
            results.add(CheckResult.of(NAME, status, endpoint, "Auto-tidy is configured with too long of a value for "
                    + field + " (" + Texts.go(value) + "); this could impact performance as tidies run too"
                    + " infrequently or take too long to execute."));
        }
    }
}
