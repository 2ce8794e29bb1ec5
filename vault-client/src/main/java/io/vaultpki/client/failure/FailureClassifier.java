package io.vaultpki.client.failure;

import io.vaultpki.client.auth.VaultLoginException;
import io.vaultpki.client.http.VaultConnectionException;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultResponseFormatException;
import io.vaultpki.client.http.VaultTimeoutException;
import io.vaultpki.client.http.VaultTlsException;
import io.vaultpki.client.http.VaultUnavailableException;
import io.vaultpki.client.session.RootTokenRefusedException;
import io.vaultpki.client.session.TokenRenewalException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;

/**
 * Maps any failure to its {@link FailureReason}. The cause chain is searched first for what actually happened on
 * the wire (a login or a token renewal that failed because Vault was down is {@code unreachable}, not a login
 * problem); only when no cause says more does the outer exception decide. Status codes follow
 * https://developer.hashicorp.com/vault/api-docs#http-status-codes; Vault's error texts are matched by substring,
 * as its own SDK does (https://github.com/hashicorp/vault/blob/main/sdk/logical/response_util.go).
 */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    /** The reason for {@code failure}; {@link FailureReason#INTERNAL} when nothing in its chain concerns Vault. */
    public static FailureReason classify(Throwable failure) {
        FailureReason outer = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            FailureReason wire = wire(t);
            if (wire != null) {
                return wire;
            }
            if (outer == null) {
                outer = wrapper(t);
            }
        }
        return outer == null ? FailureReason.INTERNAL : outer;
    }

    /** What Vault (or the network) answered: a status, a transport failure, an answer that does not parse. */
    private static FailureReason wire(Throwable t) {
        if (t instanceof VaultResponseException r) {
            return status(r);
        }
        if (t instanceof VaultTimeoutException || t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
            return FailureReason.TIMEOUT;
        }
        if (t instanceof VaultTlsException || t instanceof SSLException) {
            return FailureReason.TLS;
        }
        if (t instanceof VaultConnectionException || t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof NoRouteToHostException || t instanceof ClosedChannelException) {
            return FailureReason.UNREACHABLE;
        }
        if (t instanceof VaultResponseFormatException) {
            return FailureReason.PARSE_ERROR;
        }
        return null;
    }

    private static FailureReason status(VaultResponseException r) {
        if (r instanceof VaultUnavailableException u) {
            if (u.isSealed()) {
                return FailureReason.SEALED;
            }
            if (u.isStandby()) {
                return FailureReason.STANDBY;
            }
        }
        int status = r.status();
        if (r.hasError("Vault is sealed")) {
            return FailureReason.SEALED;
        }
        if (status == 429) {
            return FailureReason.RATE_LIMITED;
        }
        if (status == 401 || status == 403) {
            return FailureReason.PERMISSION_DENIED;
        }
        if (status == 404) {
            return FailureReason.NOT_FOUND;
        }
        if (status == 412 || status >= 500) {
            return r.hasError("no active Vault instance") || r.hasError("node is not active")
                    ? FailureReason.STANDBY : FailureReason.SERVER_ERROR;
        }
        if (status >= 400) {
            return FailureReason.INVALID_REQUEST;
        }
        // a 3xx Vault did not let us follow, or a 2xx the caller rejected: the answer was not what a client can use
        return FailureReason.PARSE_ERROR;
    }

    /**
     * A client-side exception with no wire cause: a login or renewal Vault refused without a status we saw (no
     * credentials, a credential file that cannot be read), a root token refused by configuration.
     */
    private static FailureReason wrapper(Throwable t) {
        if (t instanceof VaultLoginException || t instanceof RootTokenRefusedException
                || t instanceof TokenRenewalException) {
            return FailureReason.PERMISSION_DENIED;
        }
        return null;
    }
}
