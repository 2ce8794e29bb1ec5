package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.Param;

import java.time.Instant;
import java.util.List;

/**
 * One health check: a name, its parameters, and a pure evaluation. Where the CLI prints nothing for a check (no
 * issuers, no roles), the check returns one {@code not_applicable} result instead, so that every enabled check has
 * a status to expose.
 */
public interface HealthCheck {

    /** The CLI's name, e.g. {@code ca_validity_period}: the key in the JSON configuration. */
    String name();

    /** Whether it runs unless configured otherwise ({@code hardware_backed_root} does not). */
    default boolean enabledByDefault() {
        return true;
    }

    /** Its parameters besides {@code enabled}, in the CLI's order. */
    default List<Param> params() {
        return List.of();
    }

    /** The findings for one mount at {@code now}; never empty. */
    List<CheckResult> evaluate(MountInputs inputs, CheckSettings settings, Instant now);
}
