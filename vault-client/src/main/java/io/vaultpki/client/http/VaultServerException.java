package io.vaultpki.client.http;

import java.util.List;

/**
 * A 5xx other than 503. Retryable, except the 500s that Vault's PKI engine uses for "not found" conditions
 * (docs/vault-compatibility.md#client-responses-and-errors), which are permanent.
 */
public class VaultServerException extends VaultResponseException {

    public VaultServerException(String method, String path, int status, List<String> errors) {
        super(method, path, status, errors);
    }

    @Override
    public boolean isRetryable() {
        return !isPkiReferenceError();
    }

    /** Unknown issuer reference, no default issuer, or a role pointing to a deleted issuer. */
    public boolean isPkiReferenceError() {
        return hasError("unable to find PKI issuer for reference")
                || hasError("no default issuer currently configured")
                || hasError("could not fetch the CA certificate");
    }
}
