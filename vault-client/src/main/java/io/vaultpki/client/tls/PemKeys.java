package io.vaultpki.client.tls;

import io.vaultpki.client.VaultConfigurationException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

/**
 * Reads a PEM private key: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1
 * ({@code EC PRIVATE KEY}). SEC1 keys often lack the public key, so only the private part is converted
 * (stack.md 7.4). Error messages name the setting and file, never the key.
 */
public final class PemKeys {

    private PemKeys() {
    }

    /** Reads the first private key of {@code file}; {@code setting} names the option in error messages. */
    public static PrivateKey read(String setting, Path file) {
        try (Reader r = Files.newBufferedReader(file); PEMParser parser = new PEMParser(r)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof PEMKeyPair kp) {
                    return converter.getPrivateKey(kp.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the exception text of a PEM parser may quote key bytes: keep only its type
            throw new VaultConfigurationException(setting, "file " + file + " does not hold a readable PEM private key ("
                    + e.getClass().getSimpleName() + ")");
        }
        throw new VaultConfigurationException(setting, "file " + file
                + " holds no unencrypted PEM private key (PKCS#8, RSA or EC expected)");
    }
}
