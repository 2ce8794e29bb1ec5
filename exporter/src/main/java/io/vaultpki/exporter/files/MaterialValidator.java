package io.vaultpki.exporter.files;

import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.exporter.material.CertificateMaterial;
import io.vaultpki.exporter.spec.ExportSpec;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Proves in memory that what is about to be written is usable: the key belongs to the certificate, the chain links
 * up to a trust anchor, and every rendered file parses back to exactly the material (PKCS#12 reopens with its
 * password, encrypted keys decrypt, DER round-trips, nothing is empty). Messages name the export and the file, never
 * key bytes.
 */
final class MaterialValidator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FileSecrets secrets;

    MaterialValidator(FileSecrets secrets) {
        this.secrets = secrets;
    }

    void validate(ExportSpec spec, CertificateMaterial material, List<RenderedFile> files) {
        if (material.leaf() == null || material.leaf().certificate() == null) {
            throw new InvalidMaterialException("export " + spec.name() + ": no certificate");
        }
        if (spec.source().providesKey()) {
            PrivateKey key = material.privateKey().orElseThrow(() -> new InvalidMaterialException(
                    "export " + spec.name() + ": Vault returned no private key"));
            requireKeyMatches(spec.name(), key, material.leaf().certificate());
        }
        requireChainLinks(spec.name(), material);
        for (RenderedFile file : files) {
            FileContent parsed;
            try {
                parsed = FileContent.parse(file.role(), file.bytes(), secrets);
            } catch (IOException e) {
                throw new InvalidMaterialException("export " + spec.name() + ": " + file.name() + " does not parse back: "
                        + e.getMessage());
            }
            if (!parsed.sameAs(FileContent.expected(file.role(), material))) {
                throw new InvalidMaterialException("export " + spec.name() + ": " + file.name()
                        + " does not hold the expected certificates and key");
            }
        }
    }

    /** Signs a random challenge and verifies it with the certificate: works alike for RSA, EC and EdDSA keys. */
    static void requireKeyMatches(String export, PrivateKey key, X509Certificate leaf) {
        String algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "ED25519", "EDDSA" -> "Ed25519";
            case "ED448" -> "Ed448";
            default -> throw new InvalidMaterialException("export " + export + ": unsupported key algorithm " + key.getAlgorithm());
        };
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(challenge);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            matches = false;
        }
        if (!matches) {
            throw new InvalidMaterialException("export " + export + ": the private key does not match the certificate "
                    + leaf.getSubjectX500Principal().getName());
        }
    }

    private static void requireChainLinks(String export, CertificateMaterial material) {
        List<ParsedCertificate> path = FileSetRenderer.leafAndChain(material);
        for (int i = 0; i + 1 < path.size(); i++) {
            if (!signedBy(path.get(i).certificate(), path.get(i + 1).certificate().getPublicKey())) {
                throw new InvalidMaterialException("export " + export + ": " + path.get(i).subjectDn()
                        + " is not signed by the next certificate of the chain, " + path.get(i + 1).subjectDn());
            }
        }
        if (material.roots().isEmpty()) {
            return;
        }
        X509Certificate top = path.get(path.size() - 1).certificate();
        for (ParsedCertificate root : material.roots()) {
            if (same(top, root.certificate()) || signedBy(top, root.certificate().getPublicKey())) {
                return;
            }
        }
        throw new InvalidMaterialException("export " + export + ": the chain does not verify to any trust anchor (top: "
                + path.get(path.size() - 1).subjectDn() + ")");
    }

    private static boolean signedBy(X509Certificate certificate, PublicKey issuerKey) {
        try {
            certificate.verify(issuerKey);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean same(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
