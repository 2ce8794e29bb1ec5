package io.vaultpki.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** vault-api.md sections 2.4-2.6 and edge cases 6-9. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MountsContractTest {

    private VaultEmulator vault;
    private VaultHttp anonymous;
    private VaultHttp root;

    @BeforeAll
    void start() {
        vault = VaultEmulator.builder().start();
        vault.pki().enable("pki");
        vault.pki().enable("team/a/pki");
        vault.pki().enable("public-pki");
        vault.mounts().listUnauthenticated("", "public-pki");
        vault.auth().appRole("approle");
        vault.policies().put("monitor", Policy.builder().path("pki/issuers", "list").build());
        anonymous = new VaultHttp(vault.url());
        root = anonymous.token(vault.rootToken());
    }

    @AfterAll
    void stop() {
        vault.close();
    }

    @Test
    void sysMountsListsSecretEnginesWithFullMountInfoSection24() {
        var data = root.get("sys/mounts").json().get("data");

        assertThat(names(data)).contains("pki/", "team/a/pki/", "sys/", "cubbyhole/", "identity/", "secret/")
                .doesNotContain("auth/approle/", "approle/");
        JsonNode pki = data.get("pki/");
        assertThat(pki.get("type").asText()).isEqualTo("pki");
        assertThat(pki.get("accessor").asText()).startsWith("pki_");
        assertThat(pki.get("uuid").asText()).matches("[0-9a-f-]{36}");
        assertThat(pki.get("options").isNull()).isTrue();
        assertThat(pki.get("config").get("default_lease_ttl").asLong()).isZero();
        assertThat(pki.get("config").get("max_lease_ttl").asLong()).isZero();
        assertThat(pki.get("config").get("force_no_cache").asBoolean()).isFalse();
        assertThat(data.get("secret/").get("type").asText()).isEqualTo("kv");
        assertThat(data.get("secret/").get("options").get("version").asText()).isEqualTo("2");
        assertThat(data.get("sys/").get("type").asText()).isEqualTo("system");
    }

    @Test
    void sysMountsCopiesTheMapToTheTopLevelInRandomOrderEdgeCase8() {
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            var body = root.get("sys/mounts").json();
            var topLevel = names(body);
            topLevel.removeAll(List.of("request_id", "lease_id", "renewable", "lease_duration", "data",
                    "wrap_info", "warnings", "auth", "mount_type"));
            assertThat(topLevel).containsExactlyInAnyOrderElementsOf(names(body.get("data")));
            assertThat(body.get("pki/")).isEqualTo(body.get("data").get("pki/"));
            orders.add(topLevel);
        }
        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void sysMountsNeedsReadOnSysMounts() {
        String token = vault.tokens().create(TokenSpec.of(Duration.ofHours(1), "monitor"));

        assertThat(anonymous.token(token).get("sys/mounts").status()).isEqualTo(403);
    }

    @Test
    void nestedMountIsReachableAndResolvedByLongestPrefixEdgeCase6() {
        var exact = root.get("sys/mounts/team/a/pki");
        var deeper = root.get("sys/mounts/team/a/pki/issuer/x");

        assertThat(exact.status()).isEqualTo(200);
        assertThat(exact.json().get("data").get("type").asText()).isEqualTo("pki");
        assertThat(exact.json().get("type").asText()).as("injected copy").isEqualTo("pki");
        assertThat(deeper.json().get("data").get("uuid")).isEqualTo(exact.json().get("data").get("uuid"));
        assertThat(root.get("sys/mounts/pki").json().get("data").get("uuid"))
                .isNotEqualTo(exact.json().get("data").get("uuid"));
    }

    @Test
    void missingMountIs400NotFoundIsNotUsedEdgeCase7() {
        var reply = root.get("sys/mounts/nope");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"errors\":[\"No secret engine mount at nope/\"]}\n");
    }

    @Test
    void uiMountsWithoutTokenShowsOnlyUnauthListedMountsInReducedFormEdgeCase9() {
        var data = anonymous.get("sys/internal/ui/mounts").json().get("data");

        assertThat(names(data.get("secret"))).containsExactly("public-pki/");
        assertThat(names(data.get("secret").get("public-pki/")))
                .containsExactlyInAnyOrder("type", "description", "options");
        assertThat(names(data.get("auth"))).isEmpty();
    }

    @Test
    void uiMountsWithAValidTokenShowsMountsItCanReachInFullFormEdgeCase9() {
        String token = vault.tokens().create(TokenSpec.of(Duration.ofHours(1), "monitor"));

        var reply = anonymous.token(token).get("sys/internal/ui/mounts");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("pki/")).as("no sys injector here").isFalse();
        var secret = reply.json().get("data").get("secret");
        assertThat(names(secret)).contains("pki/", "public-pki/").doesNotContain("team/a/pki/");
        assertThat(secret.get("pki/").get("accessor").asText()).startsWith("pki_");
    }

    @Test
    void uiMountsWithRootShowsAuthMountsWithoutTheAuthPrefix() {
        var data = root.get("sys/internal/ui/mounts").json().get("data");

        assertThat(names(data.get("auth"))).contains("approle/", "token/");
    }

    @Test
    void uiMountsWithAnInvalidTokenIsDeniedEdgeCase9() {
        var reply = anonymous.token("hvs.doesnotexist000000000000").get("sys/internal/ui/mounts");

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void uiMountPathVariantAddsThePathAndRefusesInaccessibleMountsWith403Section26() {
        String token = vault.tokens().create(TokenSpec.of(Duration.ofHours(1), "monitor"));

        var allowed = anonymous.token(token).get("sys/internal/ui/mounts/pki/issuers");
        var refused = anonymous.token(token).get("sys/internal/ui/mounts/team/a/pki");
        var missing = root.get("sys/internal/ui/mounts/nope");

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().get("data").get("path").asText()).isEqualTo("pki/");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("errors").get(0).asText()).isEqualTo("preflight capability check returned 403, "
                + "please ensure client's policies grant access to path \"team/a/pki/\"");
        assertThat(missing.status()).isEqualTo(403);
    }

    @Test
    void pkiEnginesCanBeEnabledFoundAndDisabled() {
        vault.pki().enable("temp-pki");
        assertThat(vault.pki().mount("temp-pki")).isPresent();
        assertThat(vault.pki().mount("temp-pki").get().path()).isEqualTo("temp-pki/");

        assertThat(vault.pki().disable("temp-pki")).isTrue();

        assertThat(vault.pki().mount("temp-pki")).isEmpty();
        assertThat(root.get("sys/mounts/temp-pki").status()).isEqualTo(400);
    }

    private static List<String> names(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
