package io.vaultpki.exporter.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.List;

/**
 * {@code bundle.p12}: the key with leaf and chain under one alias (the export name, which the JDK also writes as
 * friendlyName). JDK 17's PKCS12 defaults are PBES2/AES-256 with an HmacSHA256 MAC; legacy readers (Java 8 before
 * 8u301, OpenSSL 1.0) cannot open it, which the docs say.
 */
final class Pkcs12Writer {

    private Pkcs12Writer() {
    }

    static byte[] write(String alias, PrivateKey key, List<? extends Certificate> chain, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidMaterialException("bundle.p12 could not be built (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Opens a bundle; throws if the password is wrong or the file is not PKCS#12. */
    static KeyStore open(byte[] bytes, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new java.io.ByteArrayInputStream(bytes), password);
            return store;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("PKCS#12 does not open (" + e.getClass().getSimpleName() + ")");
        }
    }
}
