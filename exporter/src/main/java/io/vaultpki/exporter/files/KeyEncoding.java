package io.vaultpki.exporter.files;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;

/**
 * PKCS#8 encodings of a private key: plain ({@code PRIVATE KEY}) or, with a passphrase, PBES2 with AES-256-CBC and
 * PBKDF2-HMAC-SHA256 ({@code ENCRYPTED PRIVATE KEY}), which OpenSSL 1.1+, Go and Java all read.
 */
final class KeyEncoding {

    static final String PLAIN_TYPE = "PRIVATE KEY";
    static final String ENCRYPTED_TYPE = "ENCRYPTED PRIVATE KEY";
    // OWASP's 2023 floor for PBKDF2-HMAC-SHA256 is higher, but readers (nginx start-up) pay it on every load
    private static final int PBKDF2_ITERATIONS = 100_000;
    private static final Provider BC = new BouncyCastleProvider();

    private KeyEncoding() {
    }

    /** PKCS#8 DER, encrypted when {@code passphrase} is not {@code null}. */
    static byte[] der(PrivateKey key, char[] passphrase) {
        return pemObject(key, passphrase).getContent();
    }

    /** PKCS#8 PEM, encrypted when {@code passphrase} is not {@code null}. */
    static byte[] pem(PrivateKey key, char[] passphrase) {
        return pem(pemObject(key, passphrase));
    }

    static byte[] pem(PemObject object) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("PEM encoding to memory failed", e);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static PemObject pemObject(PrivateKey key, char[] passphrase) {
        try {
            if (passphrase == null) {
                return new PemObject(PLAIN_TYPE, key.getEncoded());
            }
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setProvider(BC)
                    .setPassword(passphrase)
                    .build();
            return new JcaPKCS8Generator(key, encryptor).generate();
        } catch (OperatorCreationException | org.bouncycastle.util.io.pem.PemGenerationException | RuntimeException e) {
            throw new InvalidMaterialException("the private key could not be encrypted (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The plain PKCS#8 DER inside an encrypted PKCS#8 DER; throws if the passphrase is wrong. */
    static byte[] decrypt(byte[] encryptedDer, char[] passphrase) throws IOException {
        try {
            PrivateKeyInfo info = new PKCS8EncryptedPrivateKeyInfo(encryptedDer)
                    .decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase));
            return info.getEncoded();
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            throw new IOException("encrypted private key does not decrypt (" + e.getClass().getSimpleName() + ")");
        }
    }
}
