package io.vaultpki.exporter.material;

import io.vaultpki.client.RetrySettings;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.cert.KeyType;
import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.client.http.VaultUnavailableException;
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
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.security.auth.x500.X500Principal;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultMaterialSourceTest {

    private VaultEmulator emu;
    private final List<VaultClient> clients = new ArrayList<>();
    private VaultMaterialSource source;
    private Issuer root;
    private Issuer intermediate;
    private Issuer secondIntermediate;
    private PkiMount intMount;

    @BeforeAll
    void startVault() {
        emu = VaultEmulator.builder().start();
        PkiMount rootMount = emu.pki().enable("pki/");
        root = rootMount.generateRoot(IssuerSpec.named("root-2030").commonName("Test Root")
                .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(3650)));
        intMount = emu.pki().enable("pki_int/");
        intermediate = intMount.generateIntermediate(IssuerSpec.named("int-a").commonName("Test Intermediate A")
                .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(1825)), root);
        secondIntermediate = intMount.generateIntermediate(IssuerSpec.named("int-b").commonName("Test Intermediate B")
                .key(KeyAlgorithm.RSA_2048).validFor(Duration.ofDays(1825)), root);
        intMount.role(RoleSpec.named("web-ec").allowedDomains("example.com").allowSubdomains(true)
                .ttl(Duration.ofHours(24)).maxTtl(Duration.ofHours(72)).key("ec", 256).allowIpSans(true));
        intMount.role(RoleSpec.named("web-rsa").allowedDomains("example.com").allowSubdomains(true)
                .ttl(Duration.ofHours(24)).maxTtl(Duration.ofHours(72)).key("rsa", 2048));
        source = new VaultMaterialSource(client(emu.rootToken()));
    }

    @AfterAll
    void stopVault() {
        clients.forEach(VaultClient::close);
        emu.close();
    }

    private VaultClient client(String token) {
        VaultSettings settings = VaultSettings.builder().address(emu.url()).allowRootToken(true)
                .retry(RetrySettings.defaults().withMaxAttempts(1)).build();
        VaultClient client = VaultClient.create(settings, new TokenAuthentication(VaultToken.of(token)));
        clients.add(client);
        return client;
    }

    private static ExportSpec.Builder issue(String role) {
        return ExportSpec.builder("web", Source.ISSUE).mount("pki_int").role(role).commonName("web.example.com");
    }

    private static X509Certificate x509(ParsedCertificate c) {
        return c.certificate();
    }

    @Test
    void issueWithEcRoleYieldsLeafChainRootAndMatchingKey() throws Exception {
        ExportSpec spec = issue("web-ec").altNames(List.of("www.example.com")).ipSans(List.of("127.0.0.1"))
                .ttl(Duration.ofHours(12)).build();

        CertificateMaterial m = source.obtain(spec);

        assertThat(m.leaf().commonName()).isEqualTo("web.example.com");
        assertThat(m.leaf().dnsNames()).contains("www.example.com");
        assertThat(m.leaf().ipAddresses()).contains("127.0.0.1");
        assertThat(Duration.between(m.leaf().notBefore(), m.leaf().notAfter())).isLessThanOrEqualTo(Duration.ofHours(13));
        assertThat(m.leaf().keyType()).isEqualTo(KeyType.EC);
        assertThat(m.chain()).extracting(ParsedCertificate::certificate).containsExactly(intermediate.certificate());
        assertThat(m.roots()).extracting(ParsedCertificate::certificate).containsExactly(root.certificate());
        x509(m.leaf()).verify(intermediate.certificate().getPublicKey());
        assertThat(m.privateKey()).hasValueSatisfying(k -> assertKeyMatches(k, m.leaf().certificate().getPublicKey()));
    }

    @Test
    void issueWithRsaRoleYieldsAnRsaKeyMatchingTheCertificate() {
        CertificateMaterial m = source.obtain(issue("web-rsa").keyType("rsa").keyBits(2048).build());

        assertThat(m.leaf().keyType()).isEqualTo(KeyType.RSA);
        assertThat(m.leaf().keyBits()).isEqualTo(2048);
        assertThat(m.privateKey()).hasValueSatisfying(k -> {
            assertThat(k.getAlgorithm()).isEqualTo("RSA");
            assertKeyMatches(k, m.leaf().certificate().getPublicKey());
        });
        assertThat(m.roots()).extracting(ParsedCertificate::certificate).containsExactly(root.certificate());
    }

    @Test
    void issueThroughANamedIssuerUsesThatIssuersChain() throws Exception {
        CertificateMaterial m = source.obtain(issue("web-ec").issuerRef("int-b").build());

        x509(m.leaf()).verify(secondIntermediate.certificate().getPublicKey());
        assertThat(m.chain()).extracting(ParsedCertificate::certificate).containsExactly(secondIntermediate.certificate());
    }

    @Test
    void issuedKeyOfAnotherTypeThanRequiredIsRefused() {
        assertThatThrownBy(() -> source.obtain(issue("web-ec").keyType("rsa").keyBits(2048).build()))
                .isInstanceOf(MaterialException.class)
                .hasMessageContaining("role web-ec issued ec-256 keys; export requires rsa-2048");
    }

    @Test
    void issuedKeyOfAnotherSizeThanRequiredIsRefused() {
        assertThatThrownBy(() -> source.obtain(issue("web-ec").keyType("ec").keyBits(384).build()))
                .isInstanceOf(MaterialException.class)
                .hasMessageContaining("issued ec-256 keys; export requires ec-384");
    }

    @Test
    void signReturnsTheSignedCsrWithChainAndNoKey() throws Exception {
        KeyPair pair = KeyAlgorithm.EC_P256.generate();
        ExportSpec spec = ExportSpec.builder("api", Source.SIGN).mount("pki_int").role("web-ec")
                .csr(csr(pair, "api.example.com")).ttl(Duration.ofHours(6)).build();

        CertificateMaterial m = source.obtain(spec);

        assertThat(m.leaf().commonName()).isEqualTo("api.example.com");
        assertThat(m.leaf().certificate().getPublicKey()).isEqualTo(pair.getPublic());
        assertThat(m.privateKey()).isEmpty();
        assertThat(m.chain()).extracting(ParsedCertificate::certificate).containsExactly(intermediate.certificate());
        assertThat(m.roots()).extracting(ParsedCertificate::certificate).containsExactly(root.certificate());
    }

    @Test
    void issuerByNameYieldsTheIssuerWithItsParents() {
        CertificateMaterial m = source.obtain(issuer("pki_int", "int-b"));

        assertThat(m.leaf().certificate()).isEqualTo(secondIntermediate.certificate());
        assertThat(m.chain()).isEmpty();
        assertThat(m.roots()).extracting(ParsedCertificate::certificate).containsExactly(root.certificate());
        assertThat(m.privateKey()).isEmpty();
    }

    @Test
    void issuerById() {
        CertificateMaterial m = source.obtain(issuer("pki_int", intermediate.id()));

        assertThat(m.leaf().certificate()).isEqualTo(intermediate.certificate());
        assertThat(m.roots()).extracting(ParsedCertificate::certificate).containsExactly(root.certificate());
    }

    @Test
    void issuerDefaultIsTheMountsDefaultIssuer() {
        CertificateMaterial m = source.obtain(issuer("pki_int", null));

        assertThat(m.leaf().certificate()).isEqualTo(intermediate.certificate());
    }

    @Test
    void rootIssuerIsItsOwnTrustAnchor() {
        CertificateMaterial m = source.obtain(issuer("pki", "root-2030"));

        assertThat(m.leaf().certificate()).isEqualTo(root.certificate());
        assertThat(m.chain()).isEmpty();
        assertThat(m.roots()).extracting(ParsedCertificate::certificate).containsExactly(root.certificate());
    }

    @Test
    void unknownIssuerReferenceIsMaterialError() {
        assertThatThrownBy(() -> source.obtain(issuer("pki_int", "no-such-issuer")))
                .isInstanceOf(MaterialException.class)
                .hasMessageContaining("issuer no-such-issuer not found on mount pki_int");
    }

    @Test
    void legacyMountServesTheDefaultIssuerThroughCertCa() {
        PkiMount legacy = emu.pki().enable("pki_legacy/");
        Issuer ca = legacy.generateRoot(IssuerSpec.named("legacy-root").commonName("Legacy Root")
                .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(365)));
        legacy.legacy(true);

        CertificateMaterial m = source.obtain(issuer("pki_legacy", "default"));

        assertThat(m.leaf().certificate()).isEqualTo(ca.certificate());
        assertThat(m.roots()).extracting(ParsedCertificate::certificate).containsExactly(ca.certificate());
        assertThatThrownBy(() -> source.obtain(issuer("pki_legacy", "legacy-root")))
                .isInstanceOf(MaterialException.class).hasMessageContaining("predates Vault 1.11");
    }

    @Test
    void certificateBySerialYieldsItWithItsSignersChain() {
        Leaf leaf = intMount.issueLeaf(LeafSpec.commonName("stored.example.com").issuer(secondIntermediate)
                .validFor(Duration.ofDays(30)));

        CertificateMaterial m = source.obtain(certificate(leaf.serialNumber()));

        assertThat(m.leaf().certificate()).isEqualTo(leaf.certificate());
        assertThat(m.chain()).extracting(ParsedCertificate::certificate).containsExactly(secondIntermediate.certificate());
        assertThat(m.roots()).extracting(ParsedCertificate::certificate).containsExactly(root.certificate());
        assertThat(m.privateKey()).isEmpty();
    }

    @Test
    void certificateSerialIsAcceptedInPlainHex() {
        Leaf leaf = intMount.issueLeaf(LeafSpec.commonName("plain.example.com").issuer(intermediate)
                .serial(new BigInteger("7a3f0042", 16)));

        assertThat(source.obtain(certificate("7A3F0042")).leaf().certificate()).isEqualTo(leaf.certificate());
    }

    @Test
    void unknownSerialIsMaterialErrorNamingTheSerial() {
        assertThatThrownBy(() -> source.obtain(certificate("de:ad:be:ef:00")))
                .isInstanceOf(MaterialException.class)
                .hasMessageContaining("certificate de:ad:be:ef:00 not found on mount pki_int");
    }

    @Test
    void revokedCertificateIsRefused() {
        Leaf leaf = intMount.issueLeaf(LeafSpec.commonName("revoked.example.com").issuer(intermediate));
        intMount.revoke(leaf.serialNumber());

        assertThatThrownBy(() -> source.obtain(certificate(leaf.serialNumber())))
                .isInstanceOf(MaterialException.class)
                .hasMessageContaining("certificate " + leaf.serialNumber() + " is revoked");
    }

    @Test
    void permissionDeniedPropagatesAsTheClientsTypedException() {
        emu.policies().put("read-only-pki", Policy.builder().path("pki_int/cert/*", "read").build());
        String token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), "read-only-pki"));
        VaultMaterialSource limited = new VaultMaterialSource(client(token));

        assertThatThrownBy(() -> limited.obtain(issue("web-ec").build()))
                .isInstanceOf(VaultPermissionDeniedException.class);
    }

    @Test
    void sealedVaultPropagatesAsTheClientsTypedException() {
        source.obtain(issuer("pki_int", "int-a"));
        emu.faults().seal();
        try {
            assertThatThrownBy(() -> source.obtain(issue("web-ec").build()))
                    .isInstanceOfSatisfying(VaultUnavailableException.class, e -> assertThat(e.isSealed()).isTrue());
        } finally {
            emu.faults().unseal();
        }
    }

    private static ExportSpec issuer(String mount, String ref) {
        return ExportSpec.builder("ca", Source.ISSUER).mount(mount).issuerRef(ref).build();
    }

    private static ExportSpec certificate(String serial) {
        return ExportSpec.builder("stored", Source.CERTIFICATE).mount("pki_int").serial(serial).build();
    }

    private static String csr(KeyPair pair, String cn) throws Exception {
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=" + cn), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(request);
        }
        return out.toString();
    }

    /** Proves the pair by signing with the key and verifying with the certificate's public key. */
    static void assertKeyMatches(PrivateKey key, PublicKey publicKey) {
        try {
            String algorithm = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
            byte[] data = "key matches certificate".getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(data);
            assertThat(verifier.verify(signature)).as("key matches certificate").isTrue();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
