package io.vaultpki.client.cert;

import io.vaultpki.client.http.VaultResponseFormatException;

/** A certificate, chain or CRL from Vault does not parse. Names the Vault path; never includes key material. */
public class CertificateParseException extends VaultResponseFormatException {

    public CertificateParseException(String path, String message) {
        super(path, message);
    }

    public CertificateParseException(String path, String message, Throwable cause) {
        super(path, message + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }
}
