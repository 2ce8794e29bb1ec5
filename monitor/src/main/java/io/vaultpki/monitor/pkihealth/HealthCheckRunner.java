package io.vaultpki.monitor.pkihealth;

import io.vaultpki.monitor.pkihealth.checks.HealthCheck;
import io.vaultpki.monitor.pkihealth.checks.HealthChecks;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs every enabled health check over one mount's inputs. Pure: no I/O, no clock (the time is an argument), so it
 * can run anywhere, off the refresh's path. A disabled check has no result at all (as in the CLI, which omits
 * disabled checks from its output); an enabled check always has at least one. A check that throws on hostile input
 * (a bug) gives one {@code not_applicable} result naming the error instead of hiding the other checks.
 */
public final class HealthCheckRunner {

    private final HealthCheckConfig config;
    private final List<HealthCheck> checks;

    public HealthCheckRunner(HealthCheckConfig config) {
        this(config, HealthChecks.all());
    }

    /** With other checks than {@link HealthChecks#all()} (tests); each must have settings in {@code config}. */
    HealthCheckRunner(HealthCheckConfig config, List<HealthCheck> checks) {
        this.config = Objects.requireNonNull(config, "config");
        this.checks = List.copyOf(checks);
    }

    /** Every enabled check's results for {@code inputs} at {@code now}, check by check in the CLI's order. */
    public List<CheckResult> run(MountInputs inputs, Instant now) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(now, "now");
        List<CheckResult> results = new ArrayList<>();
        if (!config.enabled()) {
            return results;
        }
        for (HealthCheck check : checks) {
            CheckSettings settings = config.settings(check.name());
            if (settings.enabled()) {
                results.addAll(runOne(check, inputs, settings, now));
            }
        }
        return List.copyOf(results);
    }

    /** Whether {@code results} make the engine's overall state not OK (by default: a warning or a critical). */
    public boolean counts(List<CheckResult> results) {
        return config.anyCounted(results);
    }

    private static List<CheckResult> runOne(HealthCheck check, MountInputs inputs, CheckSettings settings,
                                            Instant now) {
        try {
            List<CheckResult> results = check.evaluate(inputs, settings, now);
            return results.isEmpty() ? List.of(CheckResult.of(check.name(), CheckStatus.NOT_APPLICABLE, inputs.path(),
                    "Nothing to check.")) : results;
        } catch (RuntimeException e) {
            return List.of(CheckResult.of(check.name(), CheckStatus.NOT_APPLICABLE, inputs.path(),
                    "The check failed (" + e.getClass().getSimpleName() + "); it did not run."));
        }
    }
}
