package io.vaultpki.emulator.pki;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PEM and DER encodings as Vault produces them. Every PEM returned here ends with exactly one {@code \n} (Go's
 * {@code pem.EncodeToMemory}); callers trim it where Vault trims (docs/vault-compatibility.md#emulator-pem-newlines-and-serials).
 */
final class Pem {

    private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + MIME.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    static String certificate(X509Certificate certificate) {
        return encode("CERTIFICATE", der(certificate));
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    /** Go's {@code strings.TrimSpace}. */
    static String trim(String pem) {
        return pem.strip();
    }

    /** PEM blocks trimmed and joined with a single newline (cert/ca_chain, raw ca_chain, pem_bundle). */
    static String joinTrimmed(List<String> pems) {
        return pems.stream().map(Pem::trim).collect(Collectors.joining("\n"));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Private key in Vault's {@code private_key_format}: {@code der} means PKCS#1 for RSA, SEC1 (with the curve
     * OID) for EC and PKCS#8 for ed25519; {@code pkcs8} means PKCS#8 for all.
     */
    static KeyEncoding privateKey(PrivateKey key, boolean pkcs8) {
        byte[] pkcs8Der = key.getEncoded();
        if (pkcs8 || !(key instanceof RSAKey || key instanceof ECKey)) {
            return new KeyEncoding("PRIVATE KEY", pkcs8Der);
        }
        try {
            var info = PrivateKeyInfo.getInstance(pkcs8Der);
            if (key instanceof RSAKey) {
                return new KeyEncoding("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
            }
            var inner = ECPrivateKey.getInstance(info.parsePrivateKey());
            ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
            DERBitString publicKey = inner.getPublicKey() == null ? null : new DERBitString(inner.getPublicKey().getBytes());
            int orderBits = ((ECKey) key).getParams().getOrder().bitLength();
            var sec1 = new ECPrivateKey(orderBits, inner.getKey(), publicKey, curve);
            return new KeyEncoding("EC PRIVATE KEY", sec1.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A private key's PEM label and DER bytes. */
    record KeyEncoding(String label, byte[] der) {

        String pem() {
            return encode(label, der);
        }
    }
}
