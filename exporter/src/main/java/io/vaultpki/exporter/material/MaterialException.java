package io.vaultpki.exporter.material;

/**
 * Vault answered, but not with usable material: the issued key is not the type the spec demands, the certificate
 * does not parse, the serial is unknown. Carries the Vault path; never key material.
 */
public class MaterialException extends RuntimeException {

    private final String path;

    public MaterialException(String path, String message) {
        super(message + " (" + path + ")");
        this.path = path;
    }

    public MaterialException(String path, String message, Throwable cause) {
        super(message + " (" + path + ")", cause);
        this.path = path;
    }

    /** The Vault path that was read or written. */
    public String path() {
        return path;
    }
}
