package io.vaultpki.exporter.files;

import java.util.Optional;

/**
 * The password of {@code bundle.p12} and the optional passphrase that encrypts {@code key.pem}/{@code key.der}.
 * Held as {@code char[]} copies and never printed: {@link #toString()} only says which are set.
 */
public final class FileSecrets {

    private static final FileSecrets NONE = new FileSecrets(null, null);

    private final char[] pkcs12Password;
    private final char[] keyPassphrase;

    private FileSecrets(char[] pkcs12Password, char[] keyPassphrase) {
        this.pkcs12Password = copyOrNull(pkcs12Password);
        this.keyPassphrase = copyOrNull(keyPassphrase);
    }

    /** Neither a PKCS#12 password nor a key passphrase. */
    public static FileSecrets none() {
        return NONE;
    }

    /** Either may be {@code null}; empty arrays count as not set. */
    public static FileSecrets of(char[] pkcs12Password, char[] keyPassphrase) {
        return new FileSecrets(pkcs12Password, keyPassphrase);
    }

    /** A copy of the PKCS#12 password, if one is configured. */
    public Optional<char[]> pkcs12Password() {
        return Optional.ofNullable(copyOrNull(pkcs12Password));
    }

    /** A copy of the key-encryption passphrase, if one is configured. */
    public Optional<char[]> keyPassphrase() {
        return Optional.ofNullable(copyOrNull(keyPassphrase));
    }

    private static char[] copyOrNull(char[] value) {
        return value == null || value.length == 0 ? null : value.clone();
    }

    @Override
    public String toString() {
        return "FileSecrets[pkcs12Password=" + (pkcs12Password == null ? "none" : "****")
                + ", keyPassphrase=" + (keyPassphrase == null ? "none" : "****") + "]";
    }
}
