package io.vaultpki.testkit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Real certificates for the apps' HTTPS tests: a CA and its server and client leaves (EC P-256), written as PEM like an
 * operator would mount them, and a client {@link SSLContext} that presents one. Shared by the monitor's and the
 * exporter's tests, next to the emulator they also use.
 */
public final class TestCertificates {

    private static final char[] PASSWORD = "test".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate and its key pair. */
    public record Issued(X509Certificate certificate, KeyPair key) {
    }

    private TestCertificates() {
    }

    /** A self-signed CA. */
    public static Issued ca(String commonName) throws Exception {
        KeyPair key = keyPair();
        var builder = builder(commonName, key, new X500Name("CN=" + commonName));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        return new Issued(sign(builder, key), key);
    }

    /** A server certificate for {@code localhost} and {@code 127.0.0.1}, with subject CN {@code commonName}. */
    public static Issued serverCertificate(Issued ca, String commonName) throws Exception {
        KeyPair key = keyPair();
        var builder = builder(commonName, key, name(ca));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")}));
        return new Issued(sign(builder, ca.key()), key);
    }

    /** A client-authentication certificate with subject CN {@code commonName}. */
    public static Issued clientCertificate(Issued ca, String commonName) throws Exception {
        KeyPair key = keyPair();
        var builder = builder(commonName, key, name(ca));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        return new Issued(sign(builder, ca.key()), key);
    }

    /** Writes the chain as PEM; returns {@code file}. */
    public static Path writeCertificate(Path file, X509Certificate... chain) throws Exception {
        var text = new StringWriter();
        try (var pem = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : chain) {
                pem.writeObject(certificate);
            }
        }
        return Files.writeString(file, text.toString());
    }

    /** Writes the key as PKCS#8 PEM; returns {@code file}. */
    public static Path writeKey(Path file, KeyPair key) throws Exception {
        var text = new StringWriter();
        try (var pem = new JcaPEMWriter(text)) {
            pem.writeObject(new JcaPKCS8Generator(key.getPrivate(), null));
        }
        return Files.writeString(file, text.toString());
    }

    /** A client context trusting {@code serverCa}, presenting {@code client} when it is not null. */
    /** A TLS client that trusts {@code serverCa} and presents {@code client}. */
    public static SSLContext clientContext(Issued serverCa, Issued client) throws Exception {
        var trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", serverCa.certificate());
        var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        var keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (client != null) {
            keys.setKeyEntry("client", client.key().getPrivate(), PASSWORD,
                    new X509Certificate[] {client.certificate()});
        }
        keyManagers.init(keys, PASSWORD);
        var context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), RANDOM);
        return context;
    }

    private static X500Name name(Issued ca) {
        return new X500Name(ca.certificate().getSubjectX500Principal().getName());
    }

    private static JcaX509v3CertificateBuilder builder(String commonName, KeyPair key, X500Name issuer) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))),
                new X500Name("CN=" + commonName), key.getPublic());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer) throws Exception {
        var signerBuilder = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signerBuilder));
    }

    private static KeyPair keyPair() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }
}
