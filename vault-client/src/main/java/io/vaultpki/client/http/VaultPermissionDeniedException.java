package io.vaultpki.client.http;

import java.util.List;

/** 403: the token is missing, invalid or expired, or its policy denies the path. */
public class VaultPermissionDeniedException extends VaultResponseException {

    public VaultPermissionDeniedException(String method, String path, List<String> errors) {
        super(method, path, 403, errors);
    }

    /** Vault CE adds "invalid token" when the token itself is unknown or expired (OpenBao does not). */
    public boolean isInvalidToken() {
        return hasError("invalid token");
    }
}
