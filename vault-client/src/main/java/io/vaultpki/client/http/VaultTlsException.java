package io.vaultpki.client.http;

import io.vaultpki.client.VaultException;

/** The TLS handshake with Vault failed (untrusted CA, wrong host name, client certificate refused). Not retried. */
public class VaultTlsException extends VaultException {

    public VaultTlsException(String method, String path, String address, Throwable cause) {
        super("TLS handshake with Vault at " + address + " failed [" + method + " " + path + "]: "
                + VaultConnectionException.describe(cause), cause);
    }
}
