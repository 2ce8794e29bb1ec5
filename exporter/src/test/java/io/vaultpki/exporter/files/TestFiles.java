package io.vaultpki.exporter.files;

import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Format;
import io.vaultpki.exporter.spec.NamingProfile;
import io.vaultpki.exporter.spec.Source;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

/** Reading exported files back the way a consumer would, and snapshots of a whole tree. */
final class TestFiles {

    private TestFiles() {
    }

    static ExportSpec issueSpec(String name, Format... formats) {
        return ExportSpec.builder(name, Source.ISSUE).mount("pki_int").role("web").commonName(name + ".example.com")
                .formats(formats).build();
    }

    static ExportSpec issueSpec(String name, NamingProfile naming, Format... formats) {
        return issueSpec(name, formats).toBuilder().naming(naming).build();
    }

    static List<PemObject> pemBlocks(Path file) throws IOException {
        List<PemObject> out = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(Files.readString(file)))) {
            PemObject o;
            while ((o = reader.readPemObject()) != null) {
                out.add(o);
            }
        }
        return out;
    }

    static List<X509Certificate> certificates(Path file) throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        for (PemObject block : pemBlocks(file)) {
            if (block.getType().equals("CERTIFICATE")) {
                out.add(certificate(block.getContent()));
            }
        }
        return out;
    }

    static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    static PrivateKey pkcs8(byte[] der, String algorithm) throws Exception {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static boolean keyMatches(PrivateKey key, X509Certificate cert) throws Exception {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        Signature s = Signature.getInstance(alg);
        s.initSign(key);
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        Signature v = Signature.getInstance(alg);
        v.initVerify(cert.getPublicKey());
        v.update(new byte[] {1, 2, 3});
        return v.verify(sig);
    }

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

}
