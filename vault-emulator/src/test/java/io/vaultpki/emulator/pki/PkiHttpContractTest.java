package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.spi.Flavor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.vaultpki.emulator.pki.PkiCalls.certificate;
import static io.vaultpki.emulator.pki.PkiCalls.crl;
import static org.assertj.core.api.Assertions.assertThat;

/** The PKI engine behind the emulator's real HTTP server: envelopes, raw bodies, statuses, auth (vault-api.md 3). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkiHttpContractTest {

    private VaultEmulator emulator;
    private PkiHttp root;
    private PkiHttp anonymous;
    private Issuer issuer;
    private Leaf leaf;

    @BeforeAll
    void start() {
        emulator = VaultEmulator.builder().flavor(Flavor.VAULT).start();
        PkiMount pki = emulator.pki().enable("team/a/pki");
        issuer = pki.generateRoot(IssuerSpec.named("team-root"));
        pki.role(RoleSpec.named("web").allowedDomains("example.com").allowSubdomains(true).key(KeyAlgorithm.EC_P256));
        leaf = pki.issueLeaf(LeafSpec.commonName("a.example.com"));
        emulator.pki().enable("empty");
        root = new PkiHttp(emulator.url(), emulator.rootToken());
        anonymous = new PkiHttp(emulator.url(), null);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Test
    void listIssuersIsUnauthenticatedAndNestedMountsWork_section3_1() {
        var reply = anonymous.list("team/a/pki/issuers");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/data/keys/0").asText()).isEqualTo(issuer.id());
        assertThat(reply.json().at("/data/key_info/" + issuer.id() + "/issuer_name").asText()).isEqualTo("team-root");
    }

    @Test
    void emptyListIs404WithEmptyErrors_edgeCase1() {
        var reply = root.list("empty/issuers");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("errors")).isEmpty();
    }

    @Test
    void issuerReadNeedsATokenButIssuerJsonDoesNot_section3_2() {
        assertThat(anonymous.get("team/a/pki/issuer/default").status()).isEqualTo(403);
        assertThat(root.get("team/a/pki/issuer/default").json().at("/data/issuer_id").asText()).isEqualTo(issuer.id());
        assertThat(anonymous.get("team/a/pki/issuer/default/json").status()).isEqualTo(200);
    }

    @Test
    void unknownIssuerIs500MultierrorOnRawPem_edgeCase11() {
        var reply = anonymous.get("team/a/pki/issuer/nope/pem");
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().at("/errors/0").asText())
                .isEqualTo("1 error occurred:\n\t* unable to find PKI issuer for reference: nope\n\n");
    }

    @Test
    void rawEndpointsCarryVaultsContentTypesAndEmptyOnesAre204_section3_17() {
        var ca = anonymous.get("team/a/pki/ca");
        assertThat(ca.contentType()).isEqualTo("application/pkix-cert");
        assertThat(certificate(ca.body())).isEqualTo(issuer.certificate());
        var pem = anonymous.get("team/a/pki/issuer/default/pem");
        assertThat(pem.contentType()).isEqualTo("application/pem-certificate-chain");
        assertThat(pem.text()).isEqualTo(issuer.pem());
        var crlReply = anonymous.get("team/a/pki/crl");
        assertThat(crlReply.contentType()).isEqualTo("application/pkix-crl");
        assertThat(crl(crlReply.body()).getIssuerX500Principal()).isEqualTo(issuer.certificate().getSubjectX500Principal());
        assertThat(anonymous.get("empty/ca").status()).isEqualTo(204);
        assertThat(anonymous.get("team/a/pki/cert/01:02/raw").status()).isEqualTo(204);
    }

    @Test
    void certBySerialIsUnauthenticatedAndTrimmed_section3_6() {
        var reply = anonymous.get("team/a/pki/cert/" + leaf.serialNumber().replace(':', '-').toUpperCase());
        assertThat(reply.status()).isEqualTo(200);
        String pem = reply.json().at("/data/certificate").asText();
        assertThat(pem).isEqualTo(leaf.pem().strip());
        assertThat(reply.json().at("/data/revocation_time").isIntegralNumber()).isTrue();
        assertThat(anonymous.list("team/a/pki/certs").status()).isEqualTo(403);
    }

    @Test
    void issueOverHttpReturnsAVerifiableCertificateAndUnknownRoleIs400_section3_9() throws Exception {
        var reply = root.post("team/a/pki/issue/web", Map.of("common_name", "b.example.com", "ttl", "1h"));
        assertThat(reply.status()).isEqualTo(200);
        var data = reply.json().get("data");
        certificate(data.get("certificate").asText().getBytes(StandardCharsets.UTF_8)).verify(issuer.certificate().getPublicKey());
        assertThat(data.get("expiration").isIntegralNumber()).isTrue();
        var unknown = root.post("team/a/pki/issue/nope", Map.of("common_name", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0").asText()).isEqualTo("unknown role: nope");
    }

    @Test
    void expiredRevocationIs200WithNullDataAndAWarning_edgeCase24() {
        var mount = emulator.pki().enable("revoke-test");
        mount.generateRoot(IssuerSpec.named("r"));
        var now = emulator.clock().instant();
        Leaf old = mount.issueLeaf(LeafSpec.commonName("old").notBefore(now.minusSeconds(7200)).notAfter(now.minusSeconds(60)));
        var reply = root.post("revoke-test/revoke", Map.of("serial_number", old.serialNumber()));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("data").isNull()).isTrue();
        assertThat(reply.json().at("/warnings/0").asText()).contains("already expired; refusing to add to CRL");
    }
}
