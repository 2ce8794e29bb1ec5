package io.vaultpki.monitor.pkihealth;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;

/** Real X.509 certificates (EC P-256) with chosen validity, for the health checks that need certificate facts. */
public final class Certs {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate and its key. */
    public record Issued(X509Certificate certificate, KeyPair key) {
    }

    private Certs() {
    }

    /** A self-signed root CA valid until {@code notAfter}. */
    public static Issued root(String cn, Instant notAfter) {
        KeyPair key = keyPair();
        return new Issued(build(cn, key, cn, key, notAfter, true), key);
    }

    /** A CA signed by {@code issuer}. */
    public static Issued intermediate(String cn, Issued issuer, Instant notAfter) {
        KeyPair key = keyPair();
        return new Issued(build(cn, key, subject(issuer), issuer.key(), notAfter, true), key);
    }

    /** A non-CA leaf signed by {@code issuer}. */
    public static Issued leaf(String cn, Issued issuer, Instant notAfter) {
        KeyPair key = keyPair();
        return new Issued(build(cn, key, subject(issuer), issuer.key(), notAfter, false), key);
    }

    /** A certificate whose subject equals its issuer but which another key signed: not a root. */
    public static Issued selfNamedButForeignSigned(String cn, Instant notAfter) {
        KeyPair key = keyPair();
        return new Issued(build(cn, key, cn, keyPair(), notAfter, true), key);
    }

    private static String subject(Issued issuer) {
        return new X500Name(issuer.certificate().getSubjectX500Principal().getName()).getRDNs()[0].getFirst()
                .getValue().toString();
    }

    private static X509Certificate build(String cn, KeyPair key, String issuerCn, KeyPair signer, Instant notAfter,
                                         boolean ca) {
        try {
            Instant notBefore = notAfter.minusSeconds(20L * 365 * 86_400);
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn),
                    new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    new X500Name("CN=" + cn), key.getPublic());
            if (ca) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            }
            var contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
