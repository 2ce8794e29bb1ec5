package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.MutableClock;
import io.vaultpki.emulator.spi.EmulatorResponse.Kind;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.spi.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static io.vaultpki.emulator.pki.PkiCalls.certificate;
import static io.vaultpki.emulator.pki.PkiCalls.error;
import static io.vaultpki.emulator.pki.PkiCalls.field;
import static io.vaultpki.emulator.pki.PkiCalls.keys;
import static io.vaultpki.emulator.pki.PkiCalls.list;
import static io.vaultpki.emulator.pki.PkiCalls.read;
import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkiIssuerContractTest {

    private final MutableClock clock = new MutableClock();
    private PkiBackend pki;
    private PkiBackend intMount;
    private Issuer root;
    private Issuer intermediate;

    @BeforeAll
    void seed() {
        pki = new PkiBackend(clock, Flavor.VAULT, "", "pki/");
        root = pki.generateRoot(IssuerSpec.named("root-2024").commonName("Example Root"));
        intMount = new PkiBackend(clock, Flavor.VAULT, "", "pki_int/");
        intermediate = intMount.generateIntermediate(IssuerSpec.named("int").validFor(Duration.ofDays(20)), root);
    }

    @Test
    void listIssuersOnAFreshMountIsAnEmpty404_edgeCase1() {
        var fresh = new PkiBackend(clock, Flavor.VAULT, "", "fresh/");
        var response = list(fresh, "issuers");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errors()).isEmpty();
    }

    @Test
    void legacyMountAnswersUnsupportedPathForMultiIssuerRoutesButKeepsCertCa_edgeCase2() {
        var legacy = new PkiBackend(clock, Flavor.VAULT, "", "old/");
        legacy.generateRoot(IssuerSpec.named("old-root"));
        legacy.legacy(true);
        for (var response : new io.vaultpki.emulator.spi.EmulatorResponse[] {list(legacy, "issuers"),
                read(legacy, "issuer/default"), read(legacy, "issuer/default/json"), read(legacy, "config/issuers")}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(error(response)).isEqualTo("1 error occurred:\n\t* unsupported path\n\n");
        }
        assertThat(read(legacy, "cert/ca").status()).isEqualTo(200);
        assertThat(legacy.isUnauthenticated(Operation.LIST, "issuers")).isFalse();
    }

    @Test
    void listIssuersCarriesKeyInfoWithNameDefaultSerialAndKeyId_section3_1() {
        var response = list(pki, "issuers");
        assertThat(keys(response)).containsExactly(root.id());
        var info = response.data().get("key_info").get(root.id());
        assertThat(info.get("issuer_name").asText()).isEqualTo("root-2024");
        assertThat(info.get("is_default").asBoolean()).isTrue();
        assertThat(info.get("serial_number").asText()).isEqualTo(Serials.format(root.certificate().getSerialNumber()));
        assertThat(info.get("key_id").asText()).isEqualTo(root.keyId()).isNotEmpty();
    }

    @Test
    void importedIssuerHasEmptyNameAndKeyIdAndIsListed_edgeCase10() {
        var mount = new PkiBackend(clock, Flavor.VAULT, "", "imported/");
        Issuer imported = mount.importIssuer(intermediate.certificate(), root.certificate());
        var info = list(mount, "issuers").data().get("key_info").get(imported.id());
        assertThat(info.get("issuer_name").asText()).isEmpty();
        assertThat(info.get("key_id").asText()).isEmpty();
        assertThat(read(mount, "issuer/" + imported.id()).data().get("ca_chain")).hasSize(2);
    }

    @Test
    void readIssuerByIdNameOrDefaultReturnsAllFieldsAndAChainThatVerifies_section3_2() throws Exception {
        for (String ref : new String[] {intermediate.id(), "int", "default"}) {
            var data = read(intMount, "issuer/" + ref).data();
            assertThat(data.get("issuer_id").asText()).isEqualTo(intermediate.id());
            assertThat(data.get("issuer_name").asText()).isEqualTo("int");
            assertThat(data.get("usage").isTextual()).isTrue();
            assertThat(data.get("manual_chain").isNull()).isTrue();
            assertThat(data.get("revoked").asBoolean()).isFalse();
            assertThat(data.get("issuing_certificates")).isEmpty();
            assertThat(data.has("revocation_time")).isFalse();
            var chain = data.get("ca_chain");
            assertThat(chain).hasSize(2);
            var leafSide = certificate(chain.get(0).asText());
            var top = certificate(chain.get(1).asText());
            leafSide.verify(top.getPublicKey());
            top.verify(top.getPublicKey());
            assertThat(leafSide).isEqualTo(intermediate.certificate());
        }
    }

    @Test
    void unknownIssuerRefIs500EvenOnRawEndpoints_edgeCase11() {
        for (String suffix : new String[] {"", "/json", "/pem", "/der", "/crl", "/crl/pem", "/crl/der"}) {
            var response = read(pki, "issuer/nope" + suffix);
            assertThat(response.status()).as(suffix).isEqualTo(500);
            assertThat(response.kind()).isEqualTo(Kind.ERROR);
            assertThat(error(response)).isEqualTo("1 error occurred:\n\t* unable to find PKI issuer for reference: nope\n\n");
        }
    }

    @Test
    void withoutADefaultIssuerDefaultRefIs500CertCaIs400AndRawCaPathsAre204_edgeCase12() {
        var mount = new PkiBackend(clock, Flavor.VAULT, "", "nodefault/");
        assertThat(read(mount, "issuer/default").status()).isEqualTo(500);
        assertThat(error(read(mount, "issuer/default/pem"))).contains("no default issuer currently configured");
        assertThat(read(mount, "cert/ca").status()).isEqualTo(400);
        assertThat(error(read(mount, "cert/ca"))).isEqualTo("no default issuer currently configured");
        assertThat(read(mount, "ca").status()).isEqualTo(204);
        assertThat(read(mount, "ca/pem").status()).isEqualTo(204);
        assertThat(read(mount, "ca_chain").status()).isEqualTo(204);
    }

    @Test
    void configIssuersOnAnEmptyMountHasEmptyDefault_edgeCase13() {
        var mount = new PkiBackend(clock, Flavor.VAULT, "", "empty/");
        var response = read(mount, "config/issuers");
        assertThat(response.status()).isEqualTo(200);
        assertThat(field(response, "default")).isEmpty();
        assertThat(field(read(pki, "config/issuers"), "default")).isEqualTo(root.id());
    }

    @Test
    void deletingTheDefaultIssuerClearsTheDefaultAndSetDefaultMovesIt() {
        var mount = new PkiBackend(clock, Flavor.VAULT, "", "rotate/");
        Issuer first = mount.generateRoot(IssuerSpec.named("first"));
        Issuer second = mount.generateRoot(IssuerSpec.named("second"));
        assertThat(mount.defaultIssuer()).contains(first);
        mount.setDefault(second.id());
        assertThat(list(mount, "issuers").data().get("key_info").get(second.id()).get("is_default").asBoolean()).isTrue();
        mount.deleteIssuer(second.id());
        assertThat(field(read(mount, "config/issuers"), "default")).isEmpty();
        assertThat(keys(list(mount, "issuers"))).containsExactly(first.id());
    }

    @Test
    void issuerJsonHasExactlyFourKeysAndPemIsTheIssuerOnly_section3_3() {
        var data = read(intMount, "issuer/int/json").data();
        assertThat(data.fieldNames()).toIterable().containsExactlyInAnyOrder("certificate", "ca_chain", "issuer_id", "issuer_name");
        var pem = read(intMount, "issuer/int/pem");
        assertThat(pem.contentType()).isEqualTo("application/pem-certificate-chain");
        assertThat(PkiCalls.text(pem)).isEqualTo(intermediate.pem());
        var der = read(intMount, "issuer/int/der");
        assertThat(der.contentType()).isEqualTo("application/pkix-cert");
        assertThat(certificate(der.rawBody())).isEqualTo(intermediate.certificate());
    }

    @Test
    void caChainEndpointsReturnTheDefaultIssuerThenItsParents_section3_4() {
        var json = read(intMount, "cert/ca_chain").data();
        assertThat(json.get("ca_chain").isTextual()).isTrue();
        assertThat(json.get("ca_chain").asText()).isEqualTo(json.get("certificate").asText())
                .isEqualTo(intermediate.pem().strip() + "\n" + root.pem().strip());
        var raw = read(intMount, "ca_chain");
        assertThat(raw.contentType()).isEqualTo("application/pkix-cert");
        assertThat(PkiCalls.text(raw)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(certificate(read(intMount, "ca").rawBody())).isEqualTo(intermediate.certificate());
    }

    @Test
    void notYetValidAndExpiredIssuersKeepTheirDates() {
        var mount = new PkiBackend(clock, Flavor.VAULT, "", "dates/");
        var now = clock.instant();
        Issuer expired = mount.generateRoot(IssuerSpec.named("expired").notBefore(now.minus(Duration.ofDays(30)))
                .notAfter(now.minus(Duration.ofDays(1))));
        Issuer future = mount.generateRoot(IssuerSpec.named("future").key(KeyAlgorithm.RSA_2048)
                .notBefore(now.plus(Duration.ofDays(1))).notAfter(now.plus(Duration.ofDays(400))));
        assertThat(expired.notAfter()).isBefore(now);
        assertThat(future.certificate().getNotBefore().toInstant()).isAfter(now);
        assertThat(future.certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void openBaoPaginatesIssuersWithAfterAndLimit() {
        var mount = new PkiBackend(clock, Flavor.OPENBAO, "", "bao/");
        for (int i = 0; i < 3; i++) {
            mount.generateRoot(IssuerSpec.named("r" + i));
        }
        var all = keys(list(mount, "issuers"));
        var page = list(mount, "issuers", Map.of("after", all.get(0), "limit", "1"));
        assertThat(keys(page)).containsExactly(all.get(1));
        assertThat(page.data().get("key_info").size()).isEqualTo(1);
    }

    @Test
    void emptyListWithAnUnknownParameterIs200WithAWarning_edgeCase4() {
        var fresh = new PkiBackend(clock, Flavor.VAULT, "", "fresh4/");
        var response = list(fresh, "issuers", Map.of("after", "x"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().size()).isZero();
        assertThat(response.warnings()).containsExactly("Endpoint ignored these unrecognized parameters: [after]");
    }

    @Test
    void unauthenticatedPathsFollowVaultsPathsSpecialList_section3() {
        assertThat(pki.isUnauthenticated(Operation.READ, "cert/ca")).isTrue();
        assertThat(pki.isUnauthenticated(Operation.READ, "ca_chain")).isTrue();
        assertThat(pki.isUnauthenticated(Operation.READ, "issuer/x/json")).isTrue();
        assertThat(pki.isUnauthenticated(Operation.READ, "issuer/x/crl/pem")).isTrue();
        assertThat(pki.isUnauthenticated(Operation.LIST, "issuers")).isTrue();
        assertThat(pki.isUnauthenticated(Operation.READ, "issuer/x")).isFalse();
        assertThat(pki.isUnauthenticated(Operation.LIST, "certs")).isFalse();
        assertThat(pki.isUnauthenticated(Operation.UPDATE, "issue/web")).isFalse();
    }

    @Test
    void unknownRoutesAreUnsupportedPathAndWrongMethodsUnsupportedOperation() {
        assertThat(error(read(pki, "nope/thing"))).isEqualTo("1 error occurred:\n\t* unsupported path\n\n");
        var wrong = read(pki, "issue/web");
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(error(wrong)).isEqualTo("1 error occurred:\n\t* unsupported operation\n\n");
    }
}
