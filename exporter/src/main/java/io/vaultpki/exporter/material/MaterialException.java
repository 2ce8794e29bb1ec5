package io.vaultpki.exporter.material;

import io.vaultpki.client.failure.FailureReason;

/**
 * Vault answered, but not with usable material: the issued key is not the type the spec demands, the certificate
 * does not parse, the serial is unknown. Carries the Vault path and a {@link FailureReason}; never key material.
 */
public class MaterialException extends RuntimeException {

    private final String path;
    private final FailureReason reason;

    /** Vault's answer could not be used: {@link FailureReason#PARSE_ERROR}. */
    public MaterialException(String path, String message) {
        this(FailureReason.PARSE_ERROR, path, message, null);
    }

    public MaterialException(String path, String message, Throwable cause) {
        this(FailureReason.PARSE_ERROR, path, message, cause);
    }

    /**
     * @param reason what the answer means for the export: {@code not_found} for a certificate or issuer the spec
     *               names that Vault does not have, {@code invalid_request} for a spec Vault's answer cannot satisfy
     */
    public MaterialException(FailureReason reason, String path, String message, Throwable cause) {
        super(message + " (" + path + ")", cause);
        this.path = path;
        this.reason = reason;
    }

    /** What the failure means in the suite's vocabulary; decides the API status (502 or 422). */
    public FailureReason reason() {
        return reason;
    }

    /** The Vault path that was read or written. */
    public String path() {
        return path;
    }
}
