package io.vaultpki.client.http;

import io.vaultpki.client.VaultException;

/**
 * Vault's answer could not be understood: malformed JSON, a missing field, a certificate or CRL that does not
 * parse. The caller keeps running; the message names the path and what was wrong (never the content of a key).
 */
public class VaultResponseFormatException extends VaultException {

    private final String path;

    public VaultResponseFormatException(String path, String message) {
        super("Unexpected response from Vault [" + path + "]: " + message);
        this.path = path;
    }

    public VaultResponseFormatException(String path, String message, Throwable cause) {
        super("Unexpected response from Vault [" + path + "]: " + message, cause);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
