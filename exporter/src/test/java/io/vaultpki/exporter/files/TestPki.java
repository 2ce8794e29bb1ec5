package io.vaultpki.exporter.files;

import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.cert.CertificateParser;
import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.pki.IssueRequest;
import io.vaultpki.client.pki.IssuedCertificate;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.Issuer;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.Leaf;
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.exporter.material.CertificateMaterial;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Real certificate material for the file tests: an emulated Vault with an RSA root, an EC intermediate and a role,
 * so leaves come out the way Vault sends them (chain without the root, key as PEM).
 */
final class TestPki implements AutoCloseable {

    final VaultEmulator emulator;
    final Issuer root;
    final Issuer intermediate;
    private final PkiMount mount;
    private final VaultClient vault;

    private TestPki() {
        emulator = VaultEmulator.builder().start();
        mount = emulator.pki().enable("pki_int");
        root = mount.generateRoot(IssuerSpec.named("root").commonName("Files Test Root").key(KeyAlgorithm.RSA_2048));
        intermediate = mount.generateIntermediate(IssuerSpec.named("int").commonName("Files Test Intermediate")
                .key(KeyAlgorithm.EC_P256), root);
        mount.setDefault(intermediate.id());
        mount.role(RoleSpec.named("web").allowedDomains("example.com").allowSubdomains(true).allowIpSans(true)
                .key(KeyAlgorithm.EC_P256).issuerRef(intermediate.id()));
        mount.role(RoleSpec.named("web-rsa").allowedDomains("example.com").allowSubdomains(true)
                .key(KeyAlgorithm.RSA_2048).issuerRef(intermediate.id()));
        emulator.policies().put("exporter", Policy.builder().path("pki_int/*", "read", "list", "update").build());
        String token = emulator.tokens().create(TokenSpec.of(Duration.ofHours(1), "exporter"));
        vault = VaultClient.create(VaultSettings.builder().address(emulator.url()).build(),
                new TokenAuthentication(VaultToken.of(token)));
    }

    static TestPki start() {
        return new TestPki();
    }

    /** Issues through the Vault API, as the exporter's issue source does, and converts the PEM key. */
    CertificateMaterial issue(String role, String commonName) {
        IssuedCertificate issued = vault.pki("pki_int").issue(role, IssueRequest.of(commonName));
        PrivateKey key = privateKey(issued.privateKey().orElseThrow().reveal());
        List<ParsedCertificate> chain = issued.caChain().stream().filter(c -> !c.selfSigned()).toList();
        List<ParsedCertificate> roots = issued.caChain().stream().filter(ParsedCertificate::selfSigned).toList();
        if (roots.isEmpty()) {
            roots = List.of(parsed(root.certificate()));
        }
        return new CertificateMaterial(issued.certificate(), chain, roots, Optional.of(key), issued.warnings());
    }

    /** A leaf of the given key algorithm signed by the intermediate, seeded directly (no HTTP). */
    CertificateMaterial leaf(String commonName, KeyAlgorithm algorithm) {
        Leaf leaf = mount.issueLeaf(LeafSpec.commonName(commonName).dnsNames(commonName).key(algorithm).issuer(intermediate));
        return new CertificateMaterial(parsed(leaf.certificate()), List.of(parsed(intermediate.certificate())),
                List.of(parsed(root.certificate())), Optional.of(leaf.keyPair().getPrivate()), List.of());
    }

    /** The intermediate as an issuer export sees it: public only. */
    CertificateMaterial issuerMaterial() {
        return new CertificateMaterial(parsed(intermediate.certificate()), List.of(), List.of(parsed(root.certificate())),
                Optional.empty(), List.of());
    }

    static ParsedCertificate parsed(X509Certificate certificate) {
        return CertificateParser.describe("test", certificate);
    }

    static PrivateKey privateKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            return converter.getPrivateKey((PrivateKeyInfo) o);
        } catch (Exception e) {
            throw new IllegalStateException("test key does not parse", e);
        }
    }

    @Override
    public void close() {
        vault.close();
        emulator.close();
    }
}
