package io.vaultpki.client.tls;

import io.vaultpki.client.TlsSettings;
import io.vaultpki.client.VaultConfigurationException;
import io.vaultpki.client.cert.CertificateParseException;
import io.vaultpki.client.cert.CertificateParser;
import io.vaultpki.client.cert.ParsedCertificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the {@link SSLContext} for {@link TlsSettings}: trust from the CA file, else every PEM certificate in the
 * CA directory, else the JDK's default trust store; a client certificate and key for mutual TLS; host name checked
 * against {@code tlsServerName} or the URL host; or no verification at all with {@code skipVerify}.
 */
public final class SslContexts {

    private SslContexts() {
    }

    /** Builds the context; throws {@link VaultConfigurationException} naming the setting for unreadable files. */
    public static SSLContext create(TlsSettings tls) {
        try {
            TrustManager trust = tls.skipVerify()
                    ? new TrustAllManager()
                    : new HostnameVerifyingTrustManager(chainValidator(tls), tls.tlsServerName());
            KeyManager[] keys = tls.hasClientCertificate() ? keyManagers(tls) : null;
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, new TrustManager[]{trust}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new VaultConfigurationException("vault.tls", "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager chainValidator(TlsSettings tls) throws GeneralSecurityException {
        KeyStore anchors = null;
        if (tls.caCert() != null) {
            anchors = trustStore(readCertificates("vault.tls.ca-cert", tls.caCert()));
        } else if (tls.caPath() != null) {
            anchors = trustStore(readDirectory(tls.caPath()));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(anchors);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager available");
    }

    private static List<X509Certificate> readDirectory(Path dir) {
        List<X509Certificate> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                if (Files.isRegularFile(f) && containsCertificate(f)) {
                    out.addAll(readCertificates("vault.tls.ca-path", f));
                }
            }
        } catch (IOException e) {
            throw new VaultConfigurationException("vault.tls.ca-path", "cannot read directory " + dir, e);
        }
        if (out.isEmpty()) {
            throw new VaultConfigurationException("vault.tls.ca-path", "directory " + dir + " holds no PEM certificate");
        }
        return out;
    }

    private static boolean containsCertificate(Path f) throws IOException {
        return Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains("-----BEGIN CERTIFICATE-----");
    }

    static List<X509Certificate> readCertificates(String setting, Path file) {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (ParsedCertificate c : CertificateParser.parseAll(file.toString(), Files.readAllBytes(file))) {
                out.add(c.certificate());
            }
            return out;
        } catch (IOException e) {
            throw new VaultConfigurationException(setting, "cannot read file " + file, e);
        } catch (CertificateParseException e) {
            throw new VaultConfigurationException(setting, "file " + file + " holds no parsable PEM certificate", e);
        }
    }

    private static KeyStore trustStore(List<X509Certificate> certs) throws GeneralSecurityException {
        KeyStore ks = emptyKeyStore();
        for (int i = 0; i < certs.size(); i++) {
            ks.setCertificateEntry("ca-" + i, certs.get(i));
        }
        return ks;
    }

    private static KeyManager[] keyManagers(TlsSettings tls) throws GeneralSecurityException {
        List<X509Certificate> chain = readCertificates("vault.tls.client-cert", tls.clientCert());
        PrivateKey key = PemKeys.read("vault.tls.client-key", tls.clientKey());
        // in-memory store only; the password protects nothing on disk
        char[] password = "in-memory".toCharArray();
        KeyStore ks = emptyKeyStore();
        ks.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return kmf.getKeyManagers();
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return ks;
    }
}
