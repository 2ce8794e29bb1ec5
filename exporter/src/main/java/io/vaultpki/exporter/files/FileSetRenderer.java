package io.vaultpki.exporter.files;

import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.exporter.material.CertificateMaterial;
import io.vaultpki.exporter.spec.ExportFile;
import io.vaultpki.exporter.spec.ExportSpec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an export's files in memory from its material. A PEM bundle with nothing to hold is left out rather than
 * written empty: {@code chain.pem} of a leaf signed directly by a root, {@code ca.pem} when there is no trust anchor.
 */
final class FileSetRenderer {

    private final FileSecrets secrets;

    FileSetRenderer(FileSecrets secrets) {
        this.secrets = secrets;
    }

    List<RenderedFile> render(ExportSpec spec, CertificateMaterial material) {
        List<RenderedFile> out = new ArrayList<>();
        for (ExportFile role : spec.files()) {
            byte[] bytes = render(role, spec, material);
            if (bytes != null) {
                out.add(new RenderedFile(spec.naming().fileName(role), role, bytes));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidMaterialException("export " + spec.name() + " would write no file");
        }
        return out;
    }

    private byte[] render(ExportFile role, ExportSpec spec, CertificateMaterial material) {
        ParsedCertificate leaf = material.leaf();
        return switch (role) {
            case CERT_PEM -> pems(List.of(leaf));
            case CHAIN_PEM -> material.chain().isEmpty() ? null : pems(material.chain());
            case FULLCHAIN_PEM -> pems(leafAndChain(material));
            case CA_PEM -> material.roots().isEmpty() ? null : pems(material.roots());
            case CERT_DER -> der(leaf.certificate());
            case KEY_PEM -> KeyEncoding.pem(key(spec, material), secrets.keyPassphrase().orElse(null));
            case KEY_DER -> KeyEncoding.der(key(spec, material), secrets.keyPassphrase().orElse(null));
            case BUNDLE_P12 -> Pkcs12Writer.write(spec.name(), key(spec, material),
                    leafAndChain(material).stream().map(ParsedCertificate::certificate).toList(), pkcs12Password());
            case COMBINED_PEM -> combined(spec, material);
        };
    }

    private byte[] combined(ExportSpec spec, CertificateMaterial material) {
        if (secrets.keyPassphrase().isPresent()) {
            // HAProxy and most single-file consumers cannot read an encrypted key; writing it plain would silently
            // defeat the encryption the operator asked for
            throw new InvalidMaterialException("export " + spec.name() + ": the combined format cannot hold an encrypted"
                    + " key, and a key passphrase (exporter.files.key-passphrase) is configured; drop combined or the passphrase");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(KeyEncoding.pem(key(spec, material), null));
        out.writeBytes(pems(leafAndChain(material)));
        return out.toByteArray();
    }

    private char[] pkcs12Password() {
        return secrets.pkcs12Password().orElseThrow(() -> new InvalidMaterialException(
                "the pkcs12 format needs a password: set exporter.files.pkcs12-password or exporter.files.pkcs12-password-file"));
    }

    private static PrivateKey key(ExportSpec spec, CertificateMaterial material) {
        return material.privateKey().orElseThrow(() -> new InvalidMaterialException(
                "export " + spec.name() + " needs a private key but the material has none"));
    }

    static List<ParsedCertificate> leafAndChain(CertificateMaterial material) {
        List<ParsedCertificate> all = new ArrayList<>();
        all.add(material.leaf());
        all.addAll(material.chain());
        return all;
    }

    private static byte[] pems(List<ParsedCertificate> certificates) {
        StringBuilder sb = new StringBuilder();
        for (ParsedCertificate c : certificates) {
            // re-encode from DER rather than trusting Vault's PEM text (stray whitespace, CRLF, extra blocks)
            sb.append(new String(KeyEncoding.pem(new org.bouncycastle.util.io.pem.PemObject("CERTIFICATE",
                    der(c.certificate()))), StandardCharsets.US_ASCII));
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new InvalidMaterialException("certificate does not encode as DER", e);
        }
    }
}
