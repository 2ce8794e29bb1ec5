package io.vaultpki.exporter.files;

import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.exporter.material.CertificateMaterial;
import io.vaultpki.exporter.spec.ExportFile;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a file holds once parsed back: certificates (DER, in order) and at most one key (plain PKCS#8 DER). Used to
 * prove a rendered file round-trips before it is written, and to tell whether a file with a random salt (PKCS#12,
 * encrypted key) on disk still holds what would be written now.
 */
record FileContent(List<byte[]> certificates, byte[] key) {

    /** What a file of {@code role} must hold for {@code material}. */
    static FileContent expected(ExportFile role, CertificateMaterial material) {
        byte[] key = material.privateKey().map(java.security.PrivateKey::getEncoded).orElse(null);
        return switch (role) {
            case CERT_PEM, CERT_DER -> new FileContent(ders(List.of(material.leaf())), null);
            case CHAIN_PEM -> new FileContent(ders(material.chain()), null);
            case FULLCHAIN_PEM -> new FileContent(ders(FileSetRenderer.leafAndChain(material)), null);
            case CA_PEM -> new FileContent(ders(material.roots()), null);
            case KEY_PEM, KEY_DER -> new FileContent(List.of(), key);
            case BUNDLE_P12, COMBINED_PEM -> new FileContent(ders(FileSetRenderer.leafAndChain(material)), key);
        };
    }

    /** Parses a file of {@code role}; throws {@link IOException} when it does not parse or a password is wrong. */
    static FileContent parse(ExportFile role, byte[] bytes, FileSecrets secrets) throws IOException {
        if (bytes.length == 0) {
            throw new IOException("empty");
        }
        return switch (role) {
            case CERT_DER -> {
                byte[] der = certificate(bytes);
                if (!Arrays.equals(der, bytes)) {
                    throw new IOException("DER does not round-trip");
                }
                yield new FileContent(List.of(der), null);
            }
            case KEY_DER -> new FileContent(List.of(), plainKey(bytes, true, secrets));
            case BUNDLE_P12 -> pkcs12(bytes, secrets);
            default -> pem(bytes, secrets);
        };
    }

    boolean sameAs(FileContent other) {
        if (certificates.size() != other.certificates.size()) {
            return false;
        }
        for (int i = 0; i < certificates.size(); i++) {
            if (!Arrays.equals(certificates.get(i), other.certificates.get(i))) {
                return false;
            }
        }
        return sameKey(key, other.key);
    }

    private static FileContent pem(byte[] bytes, FileSecrets secrets) throws IOException {
        List<byte[]> certs = new ArrayList<>();
        byte[] key = null;
        try (PemReader reader = new PemReader(new StringReader(new String(bytes, StandardCharsets.US_ASCII)))) {
            PemObject block;
            while ((block = reader.readPemObject()) != null) {
                switch (block.getType()) {
                    case "CERTIFICATE" -> certs.add(certificate(block.getContent()));
                    case KeyEncoding.PLAIN_TYPE -> key = once(key, plainKey(block.getContent(), false, secrets));
                    case KeyEncoding.ENCRYPTED_TYPE -> key = once(key, plainKey(block.getContent(), true, secrets));
                    default -> throw new IOException("unexpected PEM block " + block.getType());
                }
            }
        }
        if (certs.isEmpty() && key == null) {
            throw new IOException("no PEM block");
        }
        return new FileContent(certs, key);
    }

    private static FileContent pkcs12(byte[] bytes, FileSecrets secrets) throws IOException {
        char[] password = secrets.pkcs12Password().orElseThrow(() -> new IOException("no PKCS#12 password"));
        KeyStore store = Pkcs12Writer.open(bytes, password);
        try {
            List<String> aliases = Collections.list(store.aliases());
            if (aliases.size() != 1) {
                throw new IOException("PKCS#12 holds " + aliases.size() + " entries, expected 1");
            }
            Key key = store.getKey(aliases.get(0), password);
            Certificate[] chain = store.getCertificateChain(aliases.get(0));
            if (key == null || chain == null) {
                throw new IOException("PKCS#12 entry lacks key or certificate chain");
            }
            List<byte[]> certs = new ArrayList<>();
            for (Certificate c : chain) {
                certs.add(c.getEncoded());
            }
            return new FileContent(certs, key.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IOException("PKCS#12 entry does not open (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] once(byte[] previous, byte[] key) throws IOException {
        if (previous != null) {
            throw new IOException("more than one private key");
        }
        return key;
    }

    private static byte[] plainKey(byte[] der, boolean maybeEncrypted, FileSecrets secrets) throws IOException {
        byte[] plain = der;
        if (maybeEncrypted && secrets.keyPassphrase().isPresent()) {
            plain = KeyEncoding.decrypt(der, secrets.keyPassphrase().get());
        }
        try {
            PrivateKeyInfo.getInstance(plain);
        } catch (RuntimeException e) {
            throw new IOException("not a PKCS#8 private key");
        }
        return plain;
    }

    private static byte[] certificate(byte[] der) throws IOException {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)).getEncoded();
        } catch (CertificateException | RuntimeException e) {
            throw new IOException("certificate does not parse");
        }
    }

    private static List<byte[]> ders(List<ParsedCertificate> certificates) {
        List<byte[]> out = new ArrayList<>();
        for (ParsedCertificate c : certificates) {
            try {
                out.add(c.certificate().getEncoded());
            } catch (CertificateException e) {
                throw new InvalidMaterialException("certificate does not encode as DER", e);
            }
        }
        return out;
    }

    /** Equal keys may encode differently after a trip through a key store; compare them normalised. */
    private static boolean sameKey(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Arrays.equals(a, b) || Arrays.equals(normalised(a), normalised(b));
    }

    private static byte[] normalised(byte[] pkcs8) {
        try {
            String algorithm = PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm().getAlgorithm().getId();
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8)).getEncoded();
        } catch (GeneralSecurityException | RuntimeException e) {
            return pkcs8;
        }
    }

    @Override
    public String toString() {
        return "FileContent[" + certificates.size() + " certificates, key=" + (key == null ? "none" : "****") + "]";
    }
}
