package io.vaultpki.client.cert;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/** Builds real certificates for parser tests. */
public final class TestCertificates {

    private TestCertificates() {
    }

    public static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    public static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    public static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** Self-signed CA certificate. */
    public static X509Certificate selfSigned(String dn, KeyPair key, BigInteger serial) throws Exception {
        return build(dn, key, dn, key, serial, true, null);
    }

    /** Certificate for {@code key}, signed by {@code issuerKey}. */
    public static X509Certificate build(String subject, KeyPair key, String issuer, KeyPair issuerKey,
                                        BigInteger serial, boolean ca, GeneralNames sans) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var b = new JcaX509v3CertificateBuilder(new X500Name(issuer), serial, Date.from(now.minusSeconds(60)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name(subject), key.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (sans != null) {
            b.addExtension(Extension.subjectAlternativeName, false, sans);
        }
        String alg = switch (issuerKey.getPrivate().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(alg).build(issuerKey.getPrivate())));
    }

    public static GeneralNames sans(GeneralName... names) {
        return new GeneralNames(names);
    }

    public static String pem(X509Certificate cert) throws Exception {
        return Pem.encode("CERTIFICATE", cert.getEncoded());
    }
}
