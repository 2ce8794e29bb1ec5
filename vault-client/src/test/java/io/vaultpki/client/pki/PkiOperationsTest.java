package io.vaultpki.client.pki;

import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.cert.CertificateParseException;
import io.vaultpki.client.cert.KeyType;
import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.client.cert.ParsedCrl;
import io.vaultpki.client.http.VaultExecutor;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultServerException;
import io.vaultpki.client.http.jdk.JdkVaultTransport;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.Leaf;
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkiOperationsTest {

    private VaultEmulator emu;
    private JdkVaultTransport transport;
    private PkiMount mount;
    private io.vaultpki.emulator.pki.Issuer root;
    private io.vaultpki.emulator.pki.Issuer intermediate;
    private Leaf leaf;
    private Leaf revokedLeaf;
    private PkiOperations pki;
    private Leaf brokenLeaf;

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().start();
        transport = new JdkVaultTransport(VaultSettings.builder().address(emu.url()).build());
        VaultToken token = VaultToken.of(emu.rootToken());
        VaultExecutor executor = request -> transport.execute(request, token);

        mount = emu.pki().enable("team/a/pki");
        root = mount.generateRoot(IssuerSpec.named("root-2024").commonName("Example Root").key(KeyAlgorithm.RSA_2048));
        intermediate = mount.generateIntermediate(IssuerSpec.named("int").commonName("Example Int")
                .key(KeyAlgorithm.EC_P256), root);
        mount.role(RoleSpec.named("web").allowedDomains("example.com").allowSubdomains(true).allowIpSans(true)
                .maxTtl(Duration.ofHours(24)).issuerRef("int"));
        leaf = mount.issueLeaf(LeafSpec.commonName("a.example.com").dnsNames("a.example.com").issuer(intermediate));
        revokedLeaf = mount.issueLeaf(LeafSpec.commonName("b.example.com").issuer(intermediate));
        mount.revoke(revokedLeaf.serialNumber());
        pki = new PkiOperations("team/a/pki/", executor);

        emu.pki().enable("empty");
        emu.pki().enable("legacy").legacy(true);
        PkiMount broken = emu.pki().enable("broken");
        var brokenRoot = broken.generateRoot(IssuerSpec.named("r").commonName("Broken Root"));
        broken.corruptCertificate(brokenRoot.id());
        brokenLeaf = broken.issueLeaf(LeafSpec.commonName("broken.example.com").issuer(brokenRoot));
        broken.corruptCertificate(brokenLeaf.serialNumber());
    }

    @AfterAll
    void stop() {
        transport.close();
        emu.close();
    }

    private PkiOperations pki(String mountPath) {
        VaultToken token = VaultToken.of(emu.rootToken());
        return new PkiOperations(mountPath, request -> transport.execute(request, token));
    }

    @Test
    void listsIssuersOfANestedMountWithNamesAndDefault() {
        List<IssuerSummary> issuers = pki.listIssuers();

        assertThat(issuers).extracting(IssuerSummary::id).containsExactlyInAnyOrder(root.id(), intermediate.id());
        assertThat(issuers).filteredOn(IssuerSummary::isDefault).extracting(IssuerSummary::name).containsExactly("root-2024");
        assertThat(issuers).filteredOn(i -> i.id().equals(intermediate.id())).singleElement()
                .satisfies(i -> assertThat(i.serialNumber()).isEqualTo(intermediate.serialNumber()));
    }

    @Test
    void anEmptyMountHasNoIssuersCertificatesRevocationsOrRoles() {
        PkiOperations empty = pki("empty/");

        assertThat(empty.listIssuers()).isEmpty();
        assertThat(empty.listCertificates()).isEmpty();
        assertThat(empty.listRevoked()).isEmpty();
        assertThat(empty.listRoles()).isEmpty();
        assertThat(empty.readDefaultCa()).isEmpty();
    }

    @Test
    void preMultiIssuerVaultIsATypedErrorAndTheDefaultCaIsTheFallback() {
        PkiOperations legacy = pki("legacy");
        emu.pki().mount("legacy").orElseThrow().legacy(false);
        var ca = emu.pki().mount("legacy").orElseThrow().generateRoot(IssuerSpec.named("old").commonName("Old Root"));
        emu.pki().mount("legacy").orElseThrow().legacy(true);

        assertThatThrownBy(legacy::listIssuers).isInstanceOf(MultiIssuerUnsupportedException.class)
                .hasMessageContaining("unsupported path");
        assertThat(legacy.readDefaultCa()).get().extracting(ParsedCertificate::serialNumber).isEqualTo(ca.serialNumber());
    }

    @Test
    void readsAnIssuerWithItsChain() {
        Issuer issuer = pki.readIssuer("int");

        assertThat(issuer.id()).isEqualTo(intermediate.id());
        assertThat(issuer.name()).isEqualTo("int");
        assertThat(issuer.certificate().commonName()).isEqualTo("Example Int");
        assertThat(issuer.certificate().keyType()).isEqualTo(KeyType.EC);
        assertThat(issuer.caChain()).extracting(ParsedCertificate::commonName).containsExactly("Example Int", "Example Root");
        assertThat(issuer.usage()).contains("issuing-certificates");
        assertThat(issuer.leafNotAfterBehavior()).isNotEmpty();
        assertThat(issuer.revoked()).isFalse();
    }

    @Test
    void anIssuerCanBeReadWithoutParsingItsChain() {
        Issuer issuer = pki.readIssuer(intermediate.id(), false);

        assertThat(issuer.certificate().commonName()).isEqualTo("Example Int");
        assertThat(issuer.caChain()).isEmpty();
        assertThat(pki.readIssuer(intermediate.id(), true).caChain()).hasSize(2);
    }

    @Test
    void anUnknownIssuerIsAPermanentReferenceError() {
        assertThatThrownBy(() -> pki.readIssuer("nope"))
                .isInstanceOfSatisfying(VaultServerException.class, e -> {
                    assertThat(e.isPkiReferenceError()).isTrue();
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @Test
    void aCorruptIssuerCertificateIsATypedErrorNamingThePath() {
        PkiOperations broken = pki("broken");
        String id = broken.listIssuers().get(0).id();

        assertThatThrownBy(() -> broken.readIssuer(id))
                .isInstanceOf(CertificateParseException.class)
                .hasMessageContaining("broken/issuer/" + id);
    }

    @Test
    void aCorruptLeafCertificateIsATypedErrorNamingThePath() {
        assertThatThrownBy(() -> pki("broken").readCertificate(brokenLeaf.serialNumber()))
                .isInstanceOf(CertificateParseException.class)
                .hasMessageContaining("broken/cert/" + brokenLeaf.serialNumber());
    }

    @Test
    void aMalformedJsonAnswerIsAFormatErrorAndNotRetried() {
        emu.faults().malformedJson("^team/a/pki/roles", 1);
        try {
            assertThatThrownBy(() -> pki.listRoles())
                    .isInstanceOf(io.vaultpki.client.http.VaultResponseFormatException.class)
                    .hasMessageContaining("[team/a/pki/roles]");
            assertThat(pki.listRoles()).containsExactly("web");
        } finally {
            emu.faults().clear();
        }
    }

    @Test
    void readsIssuerAndDefaultCrls() {
        ParsedCrl issuerCrl = pki.readIssuerCrl(intermediate.id());
        ParsedCrl defaultCrl = pki.readCrl();

        assertThat(issuerCrl.issuerDn()).contains("Example Int");
        assertThat(issuerCrl.revokedCount()).isEqualTo(1);
        assertThat(defaultCrl.issuerDn()).contains("Example Root");
        assertThat(defaultCrl.nextUpdate()).isPresent();
    }

    @Test
    void aConditionalCrlReadGivesTheCrlAndVaultsDateThenNothingWhileNoCrlOfTheMountChanged() {
        PkiMount tuned = emu.pki().enable("tuned");
        var ca = tuned.generateRoot(IssuerSpec.named("ca").commonName("Tuned CA"));
        emu.mounts().tune("", "tuned", List.of("If-Modified-Since"), List.of());
        PkiOperations tunedPki = new PkiOperations("tuned", request -> transport.execute(request,
                VaultToken.of(emu.rootToken())));

        ConditionalRead<ParsedCrl> first = tunedPki.readIssuerCrlIfModifiedSince(ca.id(), null);
        assertThat(first.notModified()).isFalse();
        assertThat(first.value()).get().extracting(ParsedCrl::issuerDn).asString().contains("Tuned CA");
        assertThat(first.serverDate()).isPresent();

        ConditionalRead<ParsedCrl> later = tunedPki.readIssuerCrlIfModifiedSince(ca.id(),
                java.time.Instant.now().plus(Duration.ofDays(1)));
        assertThat(later.notModified()).isTrue();
        assertThat(later.serverDate()).isPresent();
    }

    @Test
    void onAMountThatDoesNotPassTheHeaderThroughAConditionalCrlReadAlwaysGivesTheCrl() {
        ConditionalRead<ParsedCrl> read = pki.readIssuerCrlIfModifiedSince(intermediate.id(),
                java.time.Instant.now().plus(Duration.ofDays(1)));

        assertThat(read.notModified()).isFalse();
        assertThat(read.value()).get().extracting(ParsedCrl::revokedCount).isEqualTo(1);
    }

    @Test
    void listsCertificatesAndRevokedSerials() {
        assertThat(pki.listCertificates()).contains(leaf.serialNumber(), revokedLeaf.serialNumber());
        assertThat(pki.listRevoked()).containsExactly(revokedLeaf.serialNumber());
    }

    @Test
    void readsACertificateBySerialInAnyNotation() {
        String hyphenUpper = leaf.serialNumber().replace(':', '-').toUpperCase();

        CertificateRecord valid = pki.readCertificate(hyphenUpper).orElseThrow();
        CertificateRecord revoked = pki.readCertificate(revokedLeaf.serialNumber()).orElseThrow();

        assertThat(valid.serialNumber()).isEqualTo(leaf.serialNumber());
        assertThat(valid.certificate().dnsNames()).containsExactly("a.example.com");
        assertThat(valid.revoked()).isFalse();
        assertThat(valid.issuerId()).isEmpty();
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.issuerId()).contains(intermediate.id());
    }

    @Test
    void anUnknownSerialIsEmpty() {
        assertThat(pki.readCertificate("01:02:03:04")).isEmpty();
    }

    @Test
    void issuesACertificateWithKeyChainAndSans() {
        IssuedCertificate issued = pki.issue("web", IssueRequest.of("api.example.com")
                .withAltNames("www.example.com").withIpSans("10.1.2.3").withTtl(Duration.ofHours(1)));

        assertThat(issued.certificate().commonName()).isEqualTo("api.example.com");
        assertThat(issued.certificate().dnsNames()).contains("api.example.com", "www.example.com");
        assertThat(issued.certificate().ipAddresses()).containsExactly("10.1.2.3");
        assertThat(issued.issuingCa()).get().extracting(ParsedCertificate::commonName).isEqualTo("Example Int");
        assertThat(issued.caChain()).extracting(ParsedCertificate::commonName).containsExactly("Example Int", "Example Root");
        assertThat(issued.privateKey()).get().satisfies(k -> {
            assertThat(k.isPem()).isTrue();
            assertThat(k.toString()).doesNotContain(k.reveal()).doesNotContain("BEGIN");
        });
        assertThat(issued.serialNumber()).isEqualTo(issued.certificate().serialNumber());
        assertThat(issued.expiration()).isEqualTo(issued.certificate().notAfter());
        assertThat(issued.toString()).doesNotContain("PRIVATE KEY");
        assertThat(pki.listCertificates()).contains(issued.serialNumber());
    }

    @Test
    void aTtlAboveTheRoleMaximumIsCappedWithAWarning() {
        IssuedCertificate issued = pki.issue("web", IssueRequest.of("cap.example.com").withTtl(Duration.ofDays(30)));

        assertThat(issued.warnings()).anySatisfy(w -> assertThat(w).contains("maxTTL"));
        assertThat(Duration.between(issued.certificate().notBefore(), issued.certificate().notAfter()))
                .isLessThanOrEqualTo(Duration.ofHours(25));
    }

    @Test
    void issuesThroughAnExplicitIssuer() {
        IssuedCertificate issued = pki.issue("web", IssueRequest.of("root.example.com").withIssuerRef("root-2024"));

        assertThat(issued.certificate().issuerDn()).contains("Example Root");
        // the emulator logs a request just after answering it
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (emu.requests().count("POST", "team/a/pki/issuer/root-2024/issue/web") == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(emu.requests().count("POST", "team/a/pki/issuer/root-2024/issue/web")).isEqualTo(1);
    }

    @Test
    void aRoleOrIssuerReferenceThatIsADotSegmentIsRefusedBeforeVaultIsCalled() {
        for (String ref : List.of(".", "..", "a/b")) {
            assertThatThrownBy(() -> pki.issue(ref, IssueRequest.of("x.example.com")))
                    .as(ref).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> pki.issue("web", IssueRequest.of("x.example.com").withIssuerRef(ref)))
                    .as(ref).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> pki.readIssuer(ref)).as(ref).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anUnknownRoleIsABadRequest() {
        assertThatThrownBy(() -> pki.issue("nope", IssueRequest.of("a.example.com")))
                .isInstanceOfSatisfying(VaultResponseException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.hasError("unknown role")).isTrue();
                });
    }

    @Test
    void signsARealCsr() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=csr.example.com"), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(csr);
        }

        IssuedCertificate signed = pki.sign("web", sw.toString(), SignRequest.fromCsr().withTtl(Duration.ofHours(2)));

        assertThat(signed.certificate().commonName()).isEqualTo("csr.example.com");
        assertThat(signed.certificate().certificate().getPublicKey()).isEqualTo(kp.getPublic());
        assertThat(signed.privateKey()).isEmpty();
        assertThat(signed.caChain()).isNotEmpty();
    }

    @Test
    void readsAndListsRoles() {
        Role role = pki.readRole("web").orElseThrow();

        assertThat(pki.listRoles()).containsExactly("web");
        assertThat(role.allowedDomains()).containsExactly("example.com");
        assertThat(role.maxTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(role.issuerRef()).isEqualTo("int");
        assertThat(pki.readRole("nope")).isEmpty();
    }

    @Test
    void revokesBySerialAndAnAlreadyRevokedSerialAnswersItsOriginalTime() {
        PkiMount revoking = emu.pki().enable("revoking");
        var ca = revoking.generateRoot(IssuerSpec.named("ca").commonName("Revoking CA"));
        Leaf target = revoking.issueLeaf(LeafSpec.commonName("r.example.com").issuer(ca));
        PkiOperations ops = pki("revoking");

        RevocationResult first = ops.revoke(target.serialNumber().replace(':', '-').toUpperCase());
        RevocationResult again = ops.revoke(target.serialNumber());

        assertThat(first.expired()).isFalse();
        assertThat(first.revocationTime()).isPresent();
        assertThat(again.revocationTime()).isEqualTo(first.revocationTime());
        assertThat(ops.listRevoked()).containsExactly(target.serialNumber());
    }

    @Test
    void revokingAnExpiredCertificateIsReportedAsExpiredAndAnUnknownSerialIsVaults400() {
        PkiMount revoking = emu.pki().enable("revoking-expired");
        var ca = revoking.generateRoot(IssuerSpec.named("ca").commonName("Revoking CA"));
        java.time.Instant now = java.time.Instant.now();
        Leaf expired = revoking.issueLeaf(LeafSpec.commonName("old.example.com").issuer(ca)
                .notBefore(now.minus(Duration.ofDays(2))).notAfter(now.minus(Duration.ofDays(1))));
        PkiOperations ops = pki("revoking-expired");

        RevocationResult result = ops.revoke(expired.serialNumber());

        assertThat(result.expired()).isTrue();
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("already expired"));
        assertThat(ops.listRevoked()).isEmpty();
        assertThatThrownBy(() -> ops.revoke("01:02:03:04"))
                .isInstanceOfSatisfying(VaultResponseException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(String.join(" ", e.errors())).contains("not found");
                });
        assertThatThrownBy(() -> ops.revoke(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmpty204FromOlderVaultForAnExpiredCertificateReadsAsExpired() {
        PkiOperations old = new PkiOperations("pki", request -> {
            assertThat(request.path()).isEqualTo("pki/revoke");
            assertThat(request.body()).containsEntry("serial_number", "0a:0b");
            return new io.vaultpki.client.http.VaultHttpResponse(204, java.util.Map.of(), new byte[0]);
        });

        assertThat(old.revoke("0A-0B").expired()).isTrue();
    }
}
