package io.vaultpki.exporter.material;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * Turns the private key Vault returned into a {@link PrivateKey}: PEM in PKCS#8 ({@code private_key_format=pkcs8}),
 * PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}), or base64 PKCS#8 DER. Error messages describe
 * the encoding problem only; they never quote the key.
 */
final class PrivateKeyReader {

    private PrivateKeyReader() {
    }

    static PrivateKey read(String vaultPath, String encoded) {
        try {
            PrivateKeyInfo info = encoded.contains("-----BEGIN") ? fromPem(vaultPath, encoded) : fromDer(encoded);
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // the cause's message could echo key bytes from a parser, so only its type is kept
            throw new MaterialException(vaultPath, "the private key Vault returned cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static PrivateKeyInfo fromPem(String vaultPath, String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (object instanceof PrivateKeyInfo info) {
                return info;
            }
            if (object instanceof PEMKeyPair pair) {
                // SEC1 keys may lack the optional public key, so take only the private part (getKeyPair would fail)
                return pair.getPrivateKeyInfo();
            }
            throw new MaterialException(vaultPath, "the private key Vault returned is not PKCS#8, PKCS#1 or SEC1 PEM"
                    + (object == null ? "" : " (" + object.getClass().getSimpleName() + ")"));
        } catch (PEMException e) {
            throw new MaterialException(vaultPath, "the private key Vault returned is not valid PEM");
        }
    }

    private static PrivateKeyInfo fromDer(String base64) {
        return PrivateKeyInfo.getInstance(Base64.getMimeDecoder().decode(base64.strip()));
    }
}
