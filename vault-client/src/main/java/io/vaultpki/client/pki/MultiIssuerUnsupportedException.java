package io.vaultpki.client.pki;

import io.vaultpki.client.http.VaultNotFoundException;

/**
 * The mount has no {@code issuers} API: Vault before 1.11 answers 404 {@code unsupported path}
 * (docs/vault-compatibility.md#client-pki). Use {@link PkiOperations#readDefaultCa()} to get the mount's single CA
 * instead.
 */
public class MultiIssuerUnsupportedException extends VaultNotFoundException {

    public MultiIssuerUnsupportedException(VaultNotFoundException cause) {
        super(cause.method(), cause.path(), cause.errors());
        initCause(cause);
    }
}
