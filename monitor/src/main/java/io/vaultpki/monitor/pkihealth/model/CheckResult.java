package io.vaultpki.monitor.pkihealth.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding of one check, as the CLI prints it ({@code status}, {@code endpoint}, {@code message}; see
 * https://github.com/hashicorp/vault/blob/main/command/healthcheck/healthcheck.go, {@code Result}), plus the check's
 * name and, for a per-object finding, the object it is about.
 *
 * @param check    the check's name, e.g. {@code ca_validity_period}
 * @param status   the status
 * @param endpoint the Vault path the finding comes from, with the mount filled in and without a leading slash, e.g.
 *                 {@code pki/config/crl} or {@code sys/mounts/pki/tune}
 * @param message  one sentence or a few, for people
 * @param object   the object the finding is about when it is about one: an issuer id, a role name, a certificate
 *                 serial; empty for a mount-wide finding
 */
public record CheckResult(String check, CheckStatus status, String endpoint, String message, Optional<String> object) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(object, "object");
    }

    /** A mount-wide finding. */
    public static CheckResult of(String check, CheckStatus status, String endpoint, String message) {
        return new CheckResult(check, status, endpoint, message, Optional.empty());
    }

    /** A finding about one object (issuer id, role name, serial). */
    public static CheckResult about(String object, String check, CheckStatus status, String endpoint,
                                    String message) {
        return new CheckResult(check, status, endpoint, message, Optional.of(object));
    }
}
