package io.vaultpki.client.pki;

/**
 * A private key returned by {@code issue}. {@link #toString()} never prints it; call {@link #reveal()} only to
 * write it where it belongs.
 */
public final class PrivateKeyMaterial {

    private final char[] encoded;
    private final String type;

    /** Wraps a key as Vault returned it. */
    public PrivateKeyMaterial(String encoded, String type) {
        this.encoded = encoded.toCharArray();
        this.type = type == null ? "" : type;
    }

    /** PEM (or base64 DER when {@code format=der}) exactly as Vault sent it. */
    public String reveal() {
        return new String(encoded);
    }

    /** {@code rsa}, {@code ec} or {@code ed25519}. */
    public String type() {
        return type;
    }

    /** Whether the key is PEM text (else base64 DER). */
    public boolean isPem() {
        return reveal().contains("-----BEGIN");
    }

    @Override
    public String toString() {
        return "PrivateKeyMaterial[type=" + type + ", ****]";
    }
}
