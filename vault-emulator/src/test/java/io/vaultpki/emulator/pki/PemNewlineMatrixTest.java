package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.MutableClock;
import io.vaultpki.emulator.spi.Flavor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static io.vaultpki.emulator.pki.PkiCalls.field;
import static io.vaultpki.emulator.pki.PkiCalls.read;
import static io.vaultpki.emulator.pki.PkiCalls.text;
import static io.vaultpki.emulator.pki.PkiCalls.write;
import static org.assertj.core.api.Assertions.assertThat;

/** vault-api.md section 3.14 / edge case 18: where Vault's PEMs end with a newline, byte for byte. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PemNewlineMatrixTest {

    private PkiBackend pki;
    private Issuer intermediate;
    private Leaf leaf;

    @BeforeAll
    void seed() {
        var clock = new MutableClock();
        var rootMount = new PkiBackend(clock, Flavor.VAULT, "", "pki/");
        Issuer root = rootMount.generateRoot(IssuerSpec.named("root"));
        pki = new PkiBackend(clock, Flavor.VAULT, "", "pki_int/");
        intermediate = pki.generateIntermediate(IssuerSpec.named("int"), root);
        pki.role(RoleSpec.named("r").allowAnyName(true).key(KeyAlgorithm.EC_P256));
        leaf = pki.issueLeaf(LeafSpec.commonName("leaf"));
    }

    @Test
    void issuerJsonAndRawPemKeepTheStoredTrailingNewline() {
        var issuer = read(pki, "issuer/int").data();
        assertThat(issuer.get("certificate").asText()).isEqualTo(intermediate.pem()).endsWith("-----\n");
        issuer.get("ca_chain").forEach(c -> assertThat(c.asText()).endsWith("-----\n").doesNotEndWith("\n\n"));
        read(pki, "issuer/int/json").data().get("ca_chain").forEach(c -> assertThat(c.asText()).endsWith("-----\n"));
        assertThat(text(read(pki, "issuer/int/pem"))).endsWith("-----END CERTIFICATE-----\n");
        assertThat(text(read(pki, "issuer/int/crl/pem"))).endsWith("-----END X509 CRL-----\n");
        assertThat(field(read(pki, "issuer/int/crl"), "crl")).endsWith("-----END X509 CRL-----\n");
    }

    @Test
    void legacyPathsAreTrimmed() {
        assertThat(field(read(pki, "cert/" + leaf.serialNumber()), "certificate")).endsWith("-----END CERTIFICATE-----");
        assertThat(field(read(pki, "cert/ca"), "certificate")).endsWith("-----END CERTIFICATE-----");
        assertThat(field(read(pki, "cert/ca_chain"), "ca_chain")).endsWith("-----END CERTIFICATE-----")
                .contains("-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----");
        assertThat(field(read(pki, "cert/crl"), "certificate")).endsWith("-----END X509 CRL-----");
        assertThat(text(read(pki, "ca/pem"))).endsWith("-----END CERTIFICATE-----");
        assertThat(text(read(pki, "ca_chain"))).endsWith("-----END CERTIFICATE-----");
        assertThat(text(read(pki, "crl/pem"))).endsWith("-----END X509 CRL-----");
        assertThat(text(read(pki, "cert/" + leaf.serialNumber() + "/raw/pem"))).endsWith("-----END CERTIFICATE-----");
    }

    @Test
    void issueOutputIsTrimmedEverywhere() {
        var data = write(pki, "issue/r", Map.of("common_name", "x")).data();
        assertThat(data.get("certificate").asText()).endsWith("-----END CERTIFICATE-----");
        assertThat(data.get("issuing_ca").asText()).endsWith("-----END CERTIFICATE-----");
        data.get("ca_chain").forEach(c -> assertThat(c.asText()).endsWith("-----END CERTIFICATE-----"));
        assertThat(data.get("private_key").asText()).endsWith("-----END EC PRIVATE KEY-----");
    }

    @Test
    void rawCaChainIsPemLabelledPkixCert_edgeCase19() {
        var response = read(pki, "ca_chain");
        assertThat(response.contentType()).isEqualTo("application/pkix-cert");
        assertThat(text(response)).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
