package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.util.Optional;

/**
 * The result of a read that gave no value, worded as the CLI words it: {@code invalid_version} for an endpoint this
 * Vault lacks, {@code insufficient_permissions} for a refused one (the monitor always has a token, so the CLI's
 * "This token lacks permission" variant); a failed or skipped read makes the check {@code not_applicable}.
 */
final class Reads {

    private Reads() {
    }

    /** Empty when {@code read} has a value, else the one result saying why the check cannot use it. */
    static Optional<CheckResult> blocked(String check, Fetched<?> read, String endpoint, String vaultVersion,
                                         String what) {
        if (read instanceof Fetched.Value<?>) {
            return Optional.empty();
        }
        if (read instanceof Fetched.Unsupported<?>) {
            return Optional.of(CheckResult.of(check, CheckStatus.INVALID_VERSION, endpoint, "This health check"
                    + " requires Vault " + vaultVersion + " but an earlier version of Vault Server was contacted,"
                    + " preventing this health check from running."));
        }
        if (read instanceof Fetched.Forbidden<?>) {
            return Optional.of(forbidden(check, endpoint, what));
        }
        if (read instanceof Fetched.Failed<?> f) {
            return Optional.of(notApplicable(check, endpoint, "Could not read " + endpoint + " ("
                    + f.reason().label() + ": " + f.reason().summary() + "); this health check did not run."));
        }
        return Optional.of(notApplicable(check, endpoint, endpoint + " was not read; this health check did not run."));
    }

    /** The CLI's {@code insufficient_permissions} text for {@code what} ("the tune endpoint"). */
    static CheckResult forbidden(String check, String endpoint, String what) {
        return CheckResult.of(check, CheckStatus.INSUFFICIENT_PERMISSIONS, endpoint, "This token lacks permission to"
                + " read " + what + " for this mount. Without this information, this health check is unable to"
                + " function.");
    }

    /** A one-result list saying the check had nothing to look at. */
    static CheckResult notApplicable(String check, String endpoint, String why) {
        return CheckResult.of(check, CheckStatus.NOT_APPLICABLE, endpoint, why);
    }
}
