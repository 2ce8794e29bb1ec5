package io.vaultpki.client.failure;

import java.util.Locale;

/**
 * Why a call to Vault failed: a closed set, used as the {@code reason} label of every failure metric of the suite
 * and in status documents. Adding a value is a breaking change for alerts that match on it.
 *
 * <p>Status codes follow Vault's documented mapping (https://developer.hashicorp.com/vault/api-docs#http-status-codes)
 * and its error bodies (https://github.com/hashicorp/vault/blob/main/sdk/logical/response_util.go).
 */
public enum FailureReason {

    /** No connection: refused, reset, closed before an answer, unknown host. */
    UNREACHABLE(true, "Vault cannot be reached"),
    /** No answer within the connect or read timeout. */
    TIMEOUT(true, "Vault did not answer in time"),
    /** The TLS handshake failed: untrusted CA, wrong host name, client certificate refused. */
    TLS(true, "the TLS connection to Vault failed"),
    /** 503 {@code Vault is sealed}. */
    SEALED(true, "Vault is sealed"),
    /** A standby that cannot reach or forward to an active node (503 {@code no active Vault instance}). */
    STANDBY(true, "Vault is a standby without an active node"),
    /** 429 from a rate-limit or lease-count quota. */
    RATE_LIMITED(false, "Vault is rate-limiting requests"),
    /**
     * 403 (or 401 from a proxy): the policy lacks the path, the token is invalid, expired or revoked, a login was
     * refused, there are no usable credentials, or the credentials produced a root token that is refused.
     */
    PERMISSION_DENIED(false, "Vault denied permission"),
    /** 404: the mount, path or object does not exist (or the PKI engine lacks the endpoint). */
    NOT_FOUND(false, "not found in Vault"),
    /** 400 and the other 4xx: Vault blames the request (unknown role, a name the role does not allow). */
    INVALID_REQUEST(false, "Vault rejected the request"),
    /** 5xx other than sealed and standby, and 412 consistency failures. */
    SERVER_ERROR(false, "Vault answered with a server error"),
    /** An answer that cannot be understood: malformed JSON, a certificate or CRL that does not parse. */
    PARSE_ERROR(false, "Vault's answer could not be understood"),
    /** A failure inside the application itself, not Vault's (a local I/O error, a bug); the log has the details. */
    INTERNAL(false, "internal error");

    private final boolean unreachable;
    private final String summary;

    FailureReason(boolean unreachable, String summary) {
        this.unreachable = unreachable;
        this.summary = summary;
    }

    /** The label value, e.g. {@code permission_denied}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether Vault could not serve the request at all (no answer, sealed, standby): "Vault is down" for readiness
     * and {@code vault_up}. A refusal, a rate limit or an error answer still means Vault is there.
     */
    public boolean vaultUnavailable() {
        return unreachable;
    }

    /** A short phrase for messages: {@code "Vault is sealed"}. */
    public String summary() {
        return summary;
    }

    /** The reason with label {@code label}. */
    public static FailureReason ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
