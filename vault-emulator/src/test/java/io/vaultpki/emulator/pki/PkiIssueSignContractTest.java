package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.MutableClock;
import io.vaultpki.emulator.spi.Flavor;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringReader;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.vaultpki.emulator.pki.PkiCalls.certificate;
import static io.vaultpki.emulator.pki.PkiCalls.error;
import static io.vaultpki.emulator.pki.PkiCalls.field;
import static io.vaultpki.emulator.pki.PkiCalls.keys;
import static io.vaultpki.emulator.pki.PkiCalls.list;
import static io.vaultpki.emulator.pki.PkiCalls.read;
import static io.vaultpki.emulator.pki.PkiCalls.write;
import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkiIssueSignContractTest {

    private final MutableClock clock = new MutableClock();
    private PkiBackend pki;
    private PkiBackend bao;
    private Issuer root;
    private Issuer intermediate;

    @BeforeAll
    void seed() {
        var rootMount = new PkiBackend(clock, Flavor.VAULT, "", "pki/");
        root = rootMount.generateRoot(IssuerSpec.named("root"));
        pki = new PkiBackend(clock, Flavor.VAULT, "", "pki_int/");
        intermediate = pki.generateIntermediate(IssuerSpec.named("int").validFor(Duration.ofDays(365)), root);
        pki.role(RoleSpec.named("web").allowedDomains("example.com").allowSubdomains(true)
                .ttl(Duration.ofHours(24)).maxTtl(Duration.ofDays(30)).key(KeyAlgorithm.EC_P256));
        pki.role(RoleSpec.named("any-name").allowAnyName(true).key(KeyAlgorithm.EC_P256).noStore(true));
        pki.role(RoleSpec.named("leased").allowAnyName(true).key(KeyAlgorithm.EC_P256).generateLease(true));
        pki.role(RoleSpec.named("signer").allowAnyName(true).key("any", 0));
        pki.role(RoleSpec.named("orphan").allowAnyName(true).issuerRef("gone").key(KeyAlgorithm.EC_P256));
        bao = new PkiBackend(clock, Flavor.OPENBAO, "", "bao/");
        bao.generateRoot(IssuerSpec.named("bao-root"));
        bao.role(RoleSpec.named("any").allowAnyName(true).key("any", 0));
    }

    @Test
    void issueReturnsAVerifiableCertificateWithChainToTheRootAndKeyMatchingIt_section3_9() throws Exception {
        var response = write(pki, "issue/web", Map.of("common_name", "app.example.com", "alt_names", "api.example.com",
                "ip_sans", "10.0.0.1", "uri_sans", ""));
        assertThat(response.status()).isEqualTo(200);
        var data = response.data();
        X509Certificate leaf = certificate(data.get("certificate").asText());
        var chain = data.get("ca_chain");
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0).asText()).isEqualTo(data.get("issuing_ca").asText());
        X509Certificate issuing = certificate(chain.get(0).asText());
        X509Certificate top = certificate(chain.get(1).asText());
        leaf.verify(issuing.getPublicKey());
        issuing.verify(top.getPublicKey());
        assertThat(top).isEqualTo(root.certificate());
        assertThat(leaf.getSubjectAlternativeNames()).extracting(l -> (Object) l.get(1))
                .containsExactlyInAnyOrder((Object) "app.example.com", "api.example.com", "10.0.0.1");
        assertThat(data.get("serial_number").asText()).isEqualTo(Serials.format(leaf.getSerialNumber()));
        assertThat(data.get("expiration").isIntegralNumber()).isTrue();
        assertThat(data.get("expiration").asLong()).isEqualTo(leaf.getNotAfter().toInstant().getEpochSecond());
        assertThat(data.has("not_before")).isFalse();
        assertThat(data.get("private_key_type").asText()).isEqualTo("ec");
        try (var parser = new PEMParser(new StringReader(data.get("private_key").asText()))) {
            var key = new JcaPEMKeyConverter().getPrivateKey(((PEMKeyPair) parser.readObject()).getPrivateKeyInfo());
            assertThat(data.get("private_key").asText()).startsWith("-----BEGIN EC PRIVATE KEY-----");
            assertThat(key.getAlgorithm()).isEqualTo("EC");
        }
        assertThat(response.leaseId()).isEmpty();
        assertThat(keys(list(pki, "certs"))).contains(data.get("serial_number").asText());
    }

    @Test
    void ttlAboveRoleMaxIsCappedWithAWarning_edgeCase21() {
        var response = write(pki, "issue/web", Map.of("common_name", "a.example.com", "ttl", "1000h"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.warnings()).containsExactly(
                "TTL \"1000h0m0s\" is longer than permitted maxTTL \"720h0m0s\", so maxTTL is being used");
        X509Certificate leaf = certificate(field(response, "certificate"));
        assertThat(leaf.getNotAfter().toInstant()).isBetween(clock.instant().plus(Duration.ofDays(30)).minusSeconds(5),
                clock.instant().plus(Duration.ofDays(30)).plusSeconds(5));
    }

    @Test
    void notAfterBeyondTheIssuerIsRejected_section3_9() {
        var response = write(pki, "issue/any-name", Map.of("common_name", "x", "not_after", "2999-01-01T00:00:00Z"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(error(response)).startsWith("cannot satisfy request, as TTL would result in notAfter of 2999-01-01T00:00:00Z");
    }

    @Test
    void unknownRoleIs400_edgeCase23() {
        var response = write(pki, "issue/nope", Map.of("common_name", "x"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("unknown role: nope");
    }

    @Test
    void roleWhoseIssuerRefIsGoneFailsWith500_edgeCase22() {
        var response = write(pki, "issue/orphan", Map.of("common_name", "x"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(error(response)).startsWith("1 error occurred:\n\t* could not fetch the CA certificate (was one set?): ");
    }

    @Test
    void deletedIssuerBehindARoleFailsWith500_edgeCase22() {
        var mount = new PkiBackend(clock, Flavor.VAULT, "", "del/");
        Issuer doomed = mount.generateRoot(IssuerSpec.named("doomed"));
        mount.role(RoleSpec.named("r").allowAnyName(true).issuerRef("doomed").key(KeyAlgorithm.EC_P256));
        assertThat(write(mount, "issue/r", Map.of("common_name", "x")).status()).isEqualTo(200);
        mount.deleteIssuer(doomed.id());
        var response = write(mount, "issue/r", Map.of("common_name", "x"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(error(response)).contains("could not fetch the CA certificate (was one set?)");
    }

    @Test
    void namesOutsideTheRoleAreRejected() {
        assertThat(error(write(pki, "issue/web", Map.of("common_name", "evil.org"))))
                .isEqualTo("common name evil.org not allowed by this role");
        assertThat(error(write(pki, "issue/web", Map.of("common_name", "ok.example.com", "alt_names", "evil.org"))))
                .isEqualTo("subject alternate name evil.org not allowed by this role");
        assertThat(write(pki, "issue/web", Map.of("common_name", "localhost")).status()).isEqualTo(200);
        assertThat(write(pki, "issue/web", Map.of("common_name", "example.com")).status()).isEqualTo(400);
    }

    @Test
    void vaultRejectsIssuingOnAnAnyKeyRoleButOpenBaoUsesTheRequestedKey() {
        assertThat(error(write(pki, "issue/signer", Map.of("common_name", "x"))))
                .isEqualTo("role key type \"any\" not allowed for issuing certificates, only signing");
        var response = write(bao, "issue/any", Map.of("common_name", "x", "key_type", "ed25519"));
        assertThat(field(response, "private_key_type")).isEqualTo("ed25519");
        assertThat(response.data().get("not_before").isIntegralNumber()).isTrue();
    }

    @Test
    void derFormatGivesBase64DerAndPkcs8GivesAPrivateKeyBlock() {
        var der = write(pki, "issue/any-name", Map.of("common_name", "x", "format", "der")).data();
        assertThat(certificate(Base64.getDecoder().decode(der.get("certificate").asText())).getSubjectX500Principal().getName())
                .isEqualTo("CN=x");
        certificate(Base64.getDecoder().decode(der.get("ca_chain").get(0).asText()));
        var pkcs8 = write(pki, "issue/any-name", Map.of("common_name", "x", "private_key_format", "pkcs8")).data();
        assertThat(pkcs8.get("private_key").asText()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(error(write(pki, "issue/any-name", Map.of("common_name", "x", "format", "p12"))))
                .isEqualTo("the \"format\" path parameter must be \"pem\", \"der\", or \"pem_bundle\"");
    }

    @Test
    void pemBundleJoinsKeyCertificateAndChain() {
        var data = write(pki, "issue/any-name", Map.of("common_name", "x", "format", "pem_bundle")).data();
        String bundle = data.get("certificate").asText();
        assertThat(bundle).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(bundle.split("-----BEGIN CERTIFICATE-----", -1)).hasSize(4);
        assertThat(bundle).doesNotEndWith("\n").doesNotContain("\n\n");
    }

    @Test
    void removeRootsFromChainDropsTheSelfSignedRoot() {
        var data = write(pki, "issue/any-name", Map.of("common_name", "x", "remove_roots_from_chain", true)).data();
        assertThat(data.get("ca_chain")).hasSize(1);
        assertThat(certificate(data.get("ca_chain").get(0).asText())).isEqualTo(intermediate.certificate());
    }

    @Test
    void noStoreRoleDoesNotListTheCertificate() {
        var serial = field(write(pki, "issue/any-name", Map.of("common_name", "x")), "serial_number");
        assertThat(keys(list(pki, "certs"))).doesNotContain(serial);
        assertThat(read(pki, "cert/" + serial).status()).isEqualTo(404);
    }

    @Test
    void generateLeaseGivesALeaseUntilNotAfter_section3_9() {
        var response = write(pki, "issue/leased", Map.of("common_name", "x", "ttl", "1h"));
        assertThat(response.leaseId()).startsWith("pki_int/issue/leased/");
        assertThat(response.leaseDuration()).isBetween(3590L, 3600L);
    }

    @Test
    void issuerPathOverridesTheRoleIssuer() {
        var mount = new PkiBackend(clock, Flavor.VAULT, "", "two/");
        mount.generateRoot(IssuerSpec.named("a"));
        Issuer b = mount.generateRoot(IssuerSpec.named("b"));
        mount.role(RoleSpec.named("r").allowAnyName(true).key(KeyAlgorithm.EC_P256));
        var data = write(mount, "issuer/b/issue/r", Map.of("common_name", "x")).data();
        assertThat(certificate(data.get("issuing_ca").asText())).isEqualTo(b.certificate());
    }

    @Test
    void malformedFieldValuesAre400NotServerErrors() {
        var response = write(pki, "issue/any-name", Map.of("common_name", "x", "exclude_cn_from_sans", "maybe"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(write(pki, "issue/any-name", Map.of("common_name", "x", "ttl", "soon")).status()).isEqualTo(400);
    }

    @Test
    void unrecognizedParametersAreIgnoredWithAWarning() {
        var response = write(pki, "issue/any-name", Map.of("common_name", "x", "colour", "blue"));
        assertThat(response.warnings()).containsExactly("Endpoint ignored these unrecognized parameters: [colour]");
    }

    @Test
    void signUsesTheCsrKeyAndCommonName_section3_10() throws Exception {
        KeyPair keys = KeyAlgorithm.EC_P256.generate();
        var extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "b.example.com")));
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=csr.example.com"), keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        String pem = Pem.encode("CERTIFICATE REQUEST", csr.getEncoded());
        var response = write(pki, "sign/web", Map.of("csr", pem, "common_name", "ignored.example.com"));
        assertThat(response.status()).as(String.valueOf(response.errors())).isEqualTo(200);
        X509Certificate leaf = certificate(field(response, "certificate"));
        assertThat(leaf.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=csr.example.com");
        assertThat(leaf.getSubjectAlternativeNames()).extracting(l -> (Object) l.get(1)).contains((Object) "b.example.com");
        assertThat(response.data().has("private_key")).isFalse();
        assertThat(response.warnings()).hasSize(1);
        leaf.verify(intermediate.certificate().getPublicKey());
    }

    @Test
    void signWithoutCsrIs400() {
        var response = write(pki, "sign/web", Map.of("common_name", "a.example.com"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("\"csr\" is empty");
    }

    @Test
    void revokeCoversSuccessRepeatExpiredUnknownAndArgumentErrors_section3_11_edgeCase24() {
        var mount = new PkiBackend(clock, Flavor.VAULT, "", "rev/");
        Issuer ca = mount.generateRoot(IssuerSpec.named("ca"));
        Leaf leaf = mount.issueLeaf(LeafSpec.commonName("r.example.com"));
        var first = write(mount, "revoke", Map.of("serial_number", leaf.serialNumber().toUpperCase()));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.data().get("state").asText()).isEqualTo("revoked");
        long time = first.data().get("revocation_time").asLong();
        assertThat(time).isPositive();
        clock.advance(Duration.ofSeconds(5));
        var again = write(mount, "revoke", Map.of("certificate", leaf.pem()));
        assertThat(again.data().get("revocation_time").asLong()).isEqualTo(time);

        Leaf expired = mount.issueLeaf(LeafSpec.commonName("old").notBefore(clock.instant().minus(Duration.ofDays(10)))
                .notAfter(clock.instant().minus(Duration.ofDays(1))));
        var refused = write(mount, "revoke", Map.of("serial_number", expired.serialNumber()));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.data()).isNull();
        assertThat(refused.warnings()).containsExactly("certificate with serial " + expired.serialNumber()
                + " already expired; refusing to add to CRL");

        assertThat(error(write(mount, "revoke", Map.of("serial_number", "01:02")))).isEqualTo("certificate with serial 01:02 not found.");
        assertThat(error(write(mount, "revoke", Map.of()))).isEqualTo("The serial number or certificate to revoke must be provided.");
        assertThat(error(write(mount, "revoke", Map.of("serial_number", "01", "certificate", leaf.pem()))))
                .isEqualTo("Must provide either the certificate or the serial to revoke; not both.");
        assertThat(error(write(mount, "revoke", Map.of("serial_number", ca.serialNumber()))))
                .isEqualTo("adding issuer (id: " + ca.id() + ") to its own CRL is not allowed");
        assertThat(keys(list(mount, "certs/revoked"))).containsExactly(leaf.serialNumber());
    }

    @Test
    void rolesListAndReadWithIntegerTtls_section3_12() {
        assertThat(keys(list(pki, "roles"))).contains("web", "any-name");
        var data = read(pki, "roles/web").data();
        assertThat(data.get("ttl").isIntegralNumber()).isTrue();
        assertThat(data.get("ttl").asLong()).isEqualTo(86400);
        assertThat(data.get("max_ttl").asLong()).isEqualTo(2592000);
        assertThat(data.get("allowed_domains")).hasSize(1);
        assertThat(data.get("issuer_ref").asText()).isEqualTo("default");
        assertThat(read(pki, "roles/missing").status()).isEqualTo(404);
        assertThat(read(pki, "roles/missing").errors()).isEmpty();
        assertThat(list(new PkiBackend(clock, Flavor.VAULT, "", "x/"), "roles").status()).isEqualTo(404);
    }

    @Test
    void configUrlsAndTidyStatusHaveVaultsShapes_section3_13() {
        var urls = read(pki, "config/urls").data();
        assertThat(urls.get("issuing_certificates").isArray()).isTrue();
        assertThat(urls.get("enable_templating").asBoolean()).isFalse();
        var tidy = read(pki, "tidy-status").data();
        assertThat(tidy.get("state").asText()).isEqualTo("Inactive");
        assertThat(tidy.get("safety_buffer").isNull()).isTrue();
        assertThat(List.of(tidy.get("current_cert_store_count").asInt())).allMatch(n -> n >= 0);
    }
}
