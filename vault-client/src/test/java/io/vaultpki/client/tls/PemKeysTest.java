package io.vaultpki.client.tls;

import io.vaultpki.client.VaultConfigurationException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PemKeysTest {

    @TempDir
    Path dir;

    @Test
    void readsPkcs8() throws Exception {
        KeyPair kp = generate("EC");
        Path f = write("pkcs8.pem", new JcaPKCS8Generator(kp.getPrivate(), null));

        assertThat(PemKeys.read("vault.tls.client-key", f).getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
    }

    @Test
    void readsPkcs1Rsa() throws Exception {
        KeyPair kp = generate("RSA");
        Path f = write("rsa.pem", kp.getPrivate());

        assertThat(Files.readString(f)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(PemKeys.read("k", f).getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void readsSec1EcWithoutThePublicKey() throws Exception {
        KeyPair kp = generate("EC");
        // SEC1 "EC PRIVATE KEY" with the curve OID and no public key, as openssl and Vault write it
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(kp.getPrivate().getEncoded());
        var sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        var withCurve = new org.bouncycastle.asn1.sec.ECPrivateKey(256, sec1.getKey(),
                info.getPrivateKeyAlgorithm().getParameters());
        String pem = "-----BEGIN EC PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(withCurve.getEncoded())
                + "\n-----END EC PRIVATE KEY-----\n";
        Path f = Files.writeString(dir.resolve("sec1.pem"), pem);

        PrivateKey key = PemKeys.read("k", f);

        assertThat(key.getAlgorithm()).isIn("EC", "ECDSA");
    }

    @Test
    void aFileWithoutAKeyNamesTheSettingAndFile() throws Exception {
        Path f = Files.writeString(dir.resolve("nokey.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> PemKeys.read("vault.tls.client-key", f))
                .isInstanceOf(VaultConfigurationException.class)
                .hasMessageStartingWith("vault.tls.client-key: file " + f);
    }

    private KeyPair generate(String alg) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
        if (alg.equals("EC")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    private Path write(String name, Object o) throws Exception {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        }
        return Files.writeString(dir.resolve(name), sw.toString());
    }
}
