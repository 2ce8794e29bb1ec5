package io.vaultpki.emulator;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.stream.Stream;

/**
 * The emulator's TLS material, generated at start: a server CA and a server certificate (SANs {@code 127.0.0.1},
 * {@code localhost} and the configured server name), plus a client CA and one client certificate for mutual TLS
 * and cert auth. PEM files are written to a temporary directory removed on {@link #delete()}.
 */
public final class EmulatorTls {

    private static final char[] STORE_PASSWORD = "emulator".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final String serverName;
    private final X509Certificate serverCa;
    private final X509Certificate clientCa;
    private final SSLContext serverContext;
    private final KeyPair clientKey;
    private final X509Certificate clientCert;

    private EmulatorTls(Path directory, String serverName, X509Certificate serverCa, X509Certificate clientCa,
                        SSLContext serverContext, KeyPair clientKey, X509Certificate clientCert) {
        this.directory = directory;
        this.serverName = serverName;
        this.serverCa = serverCa;
        this.clientCa = clientCa;
        this.serverContext = serverContext;
        this.clientKey = clientKey;
        this.clientCert = clientCert;
    }

    static EmulatorTls generate(String serverName) {
        try {
            Instant now = Instant.now();
            KeyPair serverCaKey = keyPair();
            X509Certificate serverCa = ca("CN=vault-emulator server CA", serverCaKey, now);
            KeyPair serverKey = keyPair();
            var sans = new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.dNSName, serverName)});
            X509Certificate server = leaf("CN=" + serverName, serverKey, serverCa, serverCaKey, now,
                    KeyPurposeId.id_kp_serverAuth, sans);
            KeyPair clientCaKey = keyPair();
            X509Certificate clientCa = ca("CN=vault-emulator client CA", clientCaKey, now);
            KeyPair clientKey = keyPair();
            X509Certificate client = leaf("CN=vault-pki-client", clientKey, clientCa, clientCaKey, now,
                    KeyPurposeId.id_kp_clientAuth, null);

            var keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("server", serverKey.getPrivate(), STORE_PASSWORD,
                    new X509Certificate[] {server, serverCa});
            var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, STORE_PASSWORD);
            var context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), trustManagers(clientCa).getTrustManagers(), RANDOM);

            Path dir = Files.createTempDirectory("vault-emulator-tls");
            Files.writeString(dir.resolve("ca.pem"), pem(serverCa));
            Files.writeString(dir.resolve("client-ca.pem"), pem(clientCa));
            Files.writeString(dir.resolve("client.pem"), pem(client));
            Files.writeString(dir.resolve("client-key.pem"), pem(new JcaPKCS8Generator(clientKey.getPrivate(), null)));
            return new EmulatorTls(dir, serverName, serverCa, clientCa, context, clientKey, client);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the emulator's TLS material", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PEM of the CA that signed the server certificate (what a client sets as {@code VAULT_CACERT}). */
    public Path caCertFile() {
        return directory.resolve("ca.pem");
    }

    /** PEM of the client certificate, signed by the emulator's client CA. */
    public Path clientCertFile() {
        return directory.resolve("client.pem");
    }

    /** PKCS#8 PEM of the client certificate's private key. */
    public Path clientKeyFile() {
        return directory.resolve("client-key.pem");
    }

    /** PEM of the CA the server trusts for client certificates. */
    public Path clientCaCertFile() {
        return directory.resolve("client-ca.pem");
    }

    /** The extra SAN of the server certificate (for {@code VAULT_TLS_SERVER_NAME} tests). */
    public String serverName() {
        return serverName;
    }

    public X509Certificate caCertificate() {
        return serverCa;
    }

    public X509Certificate clientCaCertificate() {
        return clientCa;
    }

    /** A client context trusting the server CA; with {@code presentClientCertificate} it also offers the client cert. */
    public SSLContext clientSslContext(boolean presentClientCertificate) {
        try {
            var context = SSLContext.getInstance("TLS");
            KeyManagerFactory kmf = null;
            if (presentClientCertificate) {
                var keyStore = KeyStore.getInstance("PKCS12");
                keyStore.load(null, null);
                keyStore.setKeyEntry("client", clientKey.getPrivate(), STORE_PASSWORD,
                        new X509Certificate[] {clientCert, clientCa});
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, STORE_PASSWORD);
            }
            context.init(kmf == null ? null : kmf.getKeyManagers(), trustManagers(serverCa).getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a client TLS context", e);
        }
    }

    SSLContext serverContext() {
        return serverContext;
    }

    void delete() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }

    private static TrustManagerFactory trustManagers(X509Certificate trusted)
            throws GeneralSecurityException, IOException {
        var trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("ca", trusted);
        var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore);
        return tmf;
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate ca(String subject, KeyPair key, Instant now)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        var name = new X500Name(subject);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                key.getPublic());
        var utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key.getPublic()));
        return sign(builder, key);
    }

    private static X509Certificate leaf(String subject, KeyPair key, X509Certificate issuer, KeyPair issuerKey,
                                        Instant now, KeyPurposeId purpose, GeneralNames sans)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))),
                new javax.security.auth.x500.X500Principal(subject), key.getPublic());
        var utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
        if (sans != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, sans);
        }
        return sign(builder, issuerKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        var signerImpl = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signerImpl));
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static String pem(Object object) throws IOException {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
