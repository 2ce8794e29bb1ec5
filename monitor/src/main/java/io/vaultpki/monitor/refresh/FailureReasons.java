package io.vaultpki.monitor.refresh;

import io.vaultpki.client.cert.CertificateParseException;
import io.vaultpki.client.http.VaultConnectionException;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultResponseFormatException;
import io.vaultpki.client.http.VaultTimeoutException;
import io.vaultpki.client.http.VaultTlsException;
import io.vaultpki.client.http.VaultUnavailableException;

/** Maps a failure of a Vault call to the closed {@link RefreshError.Reason} set. */
final class FailureReasons {

    private FailureReasons() {
    }

    static RefreshError.Reason of(Throwable failure) {
        Throwable e = failure;
        // the client may wrap a transport failure (e.g. in a login exception): classify the first known cause
        while (e != null) {
            RefreshError.Reason reason = direct(e);
            if (reason != null) {
                return reason;
            }
            e = e.getCause() == e ? null : e.getCause();
        }
        return RefreshError.Reason.SERVER_ERROR;
    }

    private static RefreshError.Reason direct(Throwable e) {
        if (e instanceof VaultUnavailableException u && u.isSealed()) {
            return RefreshError.Reason.SEALED;
        }
        if (e instanceof VaultPermissionDeniedException) {
            return RefreshError.Reason.PERMISSION_DENIED;
        }
        if (e instanceof VaultNotFoundException) {
            return RefreshError.Reason.NOT_FOUND;
        }
        if (e instanceof VaultResponseException r) {
            if (r.status() == 429 || e instanceof VaultUnavailableException u && u.isRateLimited()) {
                return RefreshError.Reason.RATE_LIMITED;
            }
            if (r.status() == 403) {
                return RefreshError.Reason.PERMISSION_DENIED;
            }
            if (r.status() == 404) {
                return RefreshError.Reason.NOT_FOUND;
            }
            return RefreshError.Reason.SERVER_ERROR;
        }
        if (e instanceof VaultTimeoutException) {
            return RefreshError.Reason.TIMEOUT;
        }
        if (e instanceof VaultTlsException) {
            return RefreshError.Reason.TLS;
        }
        if (e instanceof VaultConnectionException) {
            return RefreshError.Reason.CONNECTION;
        }
        if (e instanceof CertificateParseException || e instanceof VaultResponseFormatException) {
            return RefreshError.Reason.PARSE_ERROR;
        }
        return null;
    }
}
