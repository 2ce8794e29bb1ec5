package io.vaultpki.emulator;

import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** vault-api.md section 5.2 and edge case 40. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamespaceContractTest {

    private VaultEmulator openBao;
    private VaultEmulator vaultCe;
    private VaultHttp bao;

    @BeforeAll
    void start() {
        openBao = VaultEmulator.builder().flavor(Flavor.OPENBAO).start();
        openBao.namespaces().create("ns1/ns2/");
        openBao.pki().enable("ns1/", "pki-ns1");
        openBao.pki().enable("ns1/ns2/", "pki-ns2");
        openBao.pki().enable("pki-root");
        vaultCe = VaultEmulator.builder().flavor(Flavor.VAULT).start();
        vaultCe.pki().enable("pki");
        bao = new VaultHttp(openBao.url()).token(openBao.rootToken());
    }

    @AfterAll
    void stop() {
        openBao.close();
        vaultCe.close();
    }

    @Test
    void vaultCommunityEditionIgnoresTheNamespaceHeaderEdgeCase40() {
        var reply = new VaultHttp(vaultCe.url()).token(vaultCe.rootToken()).header("X-Vault-Namespace", "ns1/")
                .get("sys/mounts");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("data").has("pki/")).isTrue();
        assertThat(vaultCe.namespaces().honoured()).isFalse();
    }

    @Test
    void openBaoListsOnlyTheMountsOfTheRequestNamespaceRelativeToItSection52() {
        var inNs1 = bao.header("X-Vault-Namespace", "ns1/").get("sys/mounts").json().get("data");
        var inRoot = bao.get("sys/mounts").json().get("data");

        assertThat(names(inNs1)).contains("pki-ns1/", "sys/").doesNotContain("pki-root/", "pki-ns2/", "ns1/pki-ns1/");
        assertThat(names(inRoot)).contains("pki-root/").doesNotContain("pki-ns1/");
    }

    @Test
    void headerAndPathPrefixCombineIntoTheSameNamespaceSection52() {
        var viaHeader = bao.header("X-Vault-Namespace", "ns1/ns2/").get("sys/mounts/pki-ns2");
        var viaPath = bao.get("ns1/ns2/sys/mounts/pki-ns2");
        var mixed = bao.header("X-Vault-Namespace", "ns1").get("ns2/sys/mounts/pki-ns2");

        assertThat(viaHeader.status()).isEqualTo(200);
        String uuid = viaHeader.json().get("data").get("uuid").asText();
        assertThat(viaPath.json().get("data").get("uuid").asText()).isEqualTo(uuid);
        assertThat(mixed.json().get("data").get("uuid").asText()).isEqualTo(uuid);
    }

    @Test
    void openBaoEchoesTheNamespaceHeader() {
        var reply = bao.header("X-Vault-Namespace", "ns1/").get("sys/mounts");

        assertThat(reply.header("X-Vault-Namespace")).isEqualTo("ns1/");
    }

    @Test
    void nodeEndpointsRejectANamespaceOnOpenBaoEdgeCase40() {
        var reply = new VaultHttp(openBao.url()).header("X-Vault-Namespace", "ns1/").get("sys/health");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"errors\":[\"operation unavailable in namespaces\"]}\n");
    }

    @Test
    void sealStatusAndLeaderIgnoreANamespaceOnOpenBaoAsTheyAreNotRestrictedSysApis() {
        var http = new VaultHttp(openBao.url()).header("X-Vault-Namespace", "ns1/");

        var sealStatus = http.get("sys/seal-status");
        var leader = http.get("sys/leader");

        assertThat(sealStatus.status()).isEqualTo(200);
        assertThat(sealStatus.json().get("sealed").asBoolean()).isFalse();
        assertThat(leader.status()).isEqualTo(200);
        assertThat(leader.json().has("ha_enabled")).isTrue();
    }

    @Test
    void aNamespacedTokenWorksInItsNamespaceButNotAtTheRoot() {
        openBao.policies().put("ns-mounts", Policy.builder().path("sys/mounts", "read").build());
        String token = openBao.tokens().create(TokenSpec.builder().policies("ns-mounts").namespace("ns1/").build());
        var http = new VaultHttp(openBao.url()).token(token);

        var inside = http.header("X-Vault-Namespace", "ns1/").get("sys/mounts");
        var lookup = http.header("X-Vault-Namespace", "ns1/").get("auth/token/lookup-self");
        var root = http.get("sys/mounts");

        assertThat(inside.status()).isEqualTo(200);
        assertThat(lookup.json().get("data").get("namespace_path").asText()).isEqualTo("ns1/");
        assertThat(root.status()).isEqualTo(403);
    }

    @Test
    void rootTokenReachesChildNamespacesWithPoliciesCheckedOnTheFullPath() {
        openBao.policies().put("child-mounts", Policy.builder().path("ns1/sys/mounts", "read").build());
        String token = openBao.tokens().create(TokenSpec.of(Duration.ofHours(1), "child-mounts"));
        var http = new VaultHttp(openBao.url()).token(token);

        assertThat(http.header("X-Vault-Namespace", "ns1/").get("sys/mounts").status()).isEqualTo(200);
        assertThat(http.get("sys/mounts").status()).isEqualTo(403);
    }

    @Test
    void enterpriseOptionMakesVaultHonourNamespaces() {
        try (var enterprise = VaultEmulator.builder().flavor(Flavor.VAULT).enterpriseNamespaces(true).start()) {
            enterprise.pki().enable("ns1/", "pki");
            var reply = new VaultHttp(enterprise.url()).token(enterprise.rootToken())
                    .header("X-Vault-Namespace", "ns1/").get("sys/mounts");

            assertThat(reply.json().get("data").has("pki/")).isTrue();
            assertThat(new VaultHttp(enterprise.url()).token(enterprise.rootToken()).get("sys/mounts")
                    .json().get("data").has("pki/")).isFalse();
        }
    }

    private static java.util.List<String> names(com.fasterxml.jackson.databind.JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
