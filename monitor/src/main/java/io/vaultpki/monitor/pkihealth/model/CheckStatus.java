package io.vaultpki.monitor.pkihealth.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The status of one health-check result, as the Vault CLI prints it: the same lower-case labels and the same
 * {@code status_code} numbers, in the CLI's order of gravity
 * (https://github.com/hashicorp/vault/blob/main/command/healthcheck/healthcheck.go, {@code ResultStatus}).
 */
public enum CheckStatus {

    /** The check does not apply to this mount (e.g. no issuers, ACME off), or could not be evaluated. */
    NOT_APPLICABLE(0),
    /** Nothing to report. */
    OK(1),
    /** Worth knowing; no action needed. */
    INFORMATIONAL(2),
    /** Should be fixed. */
    WARNING(3),
    /** Needs action now. */
    CRITICAL(4),
    /** This Vault lacks an endpoint the check reads (404/405): the check cannot run here. */
    INVALID_VERSION(5),
    /** The token may not read an endpoint the check needs (403): a result, never a refresh error. */
    INSUFFICIENT_PERMISSIONS(6);

    private final int code;

    CheckStatus(int code) {
        this.code = code;
    }

    /** The CLI's label, e.g. {@code insufficient_permissions}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The CLI's {@code status_code}. */
    public int code() {
        return code;
    }

    /** The status labelled {@code label} (case-insensitive), empty when there is none. */
    public static Optional<CheckStatus> ofLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equalsIgnoreCase(label == null ? "" : label.strip()))
                .findFirst();
    }

    @Override
    public String toString() {
        return label();
    }
}
