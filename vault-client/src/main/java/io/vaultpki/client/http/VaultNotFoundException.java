package io.vaultpki.client.http;

import java.util.List;

/**
 * 404. Vault uses it for four different things (docs/vault-compatibility.md#client-responses-and-errors): a missing
 * object and an empty list (both with no error strings), a path the backend has no route for
 * ({@code unsupported path}), and a missing mount ({@code no handler for route}).
 */
public class VaultNotFoundException extends VaultResponseException {

    public VaultNotFoundException(String method, String path, List<String> errors) {
        super(method, path, 404, errors);
    }

    /** {@code {"errors":[]}}: the object does not exist, or a list is empty. */
    public boolean isEmpty() {
        return errors().isEmpty();
    }

    /** The backend has no such route, e.g. {@code issuers} on Vault before 1.11. */
    public boolean isUnsupportedPath() {
        return hasError("unsupported path");
    }

    /** No mount at that prefix. */
    public boolean isMountMissing() {
        return hasError("no handler for route");
    }
}
