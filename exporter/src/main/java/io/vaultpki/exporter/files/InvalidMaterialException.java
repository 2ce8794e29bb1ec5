package io.vaultpki.exporter.files;

/**
 * What Vault returned failed validation in memory (key does not match the certificate, chain does not verify,
 * PKCS#12 does not reopen, empty content). Nothing was written. The message never holds key material.
 */
public class InvalidMaterialException extends RuntimeException {

    public InvalidMaterialException(String message) {
        super(message);
    }

    public InvalidMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
