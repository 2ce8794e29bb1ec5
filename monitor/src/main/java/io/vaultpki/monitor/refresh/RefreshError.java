package io.vaultpki.monitor.refresh;

import io.vaultpki.client.failure.FailureClassifier;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultConnectionException;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultResponseFormatException;
import io.vaultpki.client.http.VaultTimeoutException;

import java.util.Objects;

/**
 * A failure of one refresh step. The reason comes from the suite's one classifier ({@link FailureClassifier}), so
 * the monitor's {@code reason} labels are the same words as the exporter's and the client's.
 *
 * @param engine  the engine label, {@code ""} for monitor-wide failures (login, mount listing, a sealed Vault)
 * @param reason  why, from the shared closed set
 * @param message what failed, with the Vault path and status; never a secret
 * @param path    the Vault path of the request or object that failed ({@code pki/issuer/…/crl}), {@code ""} when
 *                none is known
 */
public record RefreshError(String engine, FailureReason reason, String message, String path) {

    public RefreshError {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(reason, "reason");
        message = Objects.requireNonNullElse(message, "");
        path = Objects.requireNonNullElse(path, "");
    }

    /** An error not tied to one Vault path. */
    public RefreshError(String engine, FailureReason reason, String message) {
        this(engine, reason, message, "");
    }

    /** Classifies {@code failure} and takes the Vault path from the first exception in its chain that names one. */
    public static RefreshError of(String engine, Throwable failure) {
        return new RefreshError(engine, FailureClassifier.classify(failure), String.valueOf(failure.getMessage()),
                pathOf(failure));
    }

    /** The same error with {@code path} when it has none of its own. */
    RefreshError withPathIfAbsent(String objectPath) {
        return path.isEmpty() ? new RefreshError(engine, reason, message, objectPath) : this;
    }

    private static String pathOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String path = t instanceof VaultResponseException r ? r.path()
                    : t instanceof VaultResponseFormatException f ? f.path()
                    : t instanceof VaultConnectionException c ? c.path()
                    : t instanceof VaultTimeoutException o ? o.path() : null;
            if (path != null && !path.isEmpty()) {
                return path;
            }
        }
        return "";
    }
}
