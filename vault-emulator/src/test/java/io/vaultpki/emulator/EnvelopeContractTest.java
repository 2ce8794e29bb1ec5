package io.vaultpki.emulator;

import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** vault-api.md sections 1.2-1.4: the success envelope, Go-style JSON and response headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvelopeContractTest {

    private VaultEmulator vault;
    private VaultEmulator openBao;

    @BeforeAll
    void start() {
        vault = VaultEmulator.builder().flavor(Flavor.VAULT).start();
        openBao = VaultEmulator.builder().flavor(Flavor.OPENBAO).start();
    }

    @AfterAll
    void stop() {
        vault.close();
        openBao.close();
    }

    @Test
    void logicalResponsesCarryTheEnvelopeFieldsInGoStructOrder() {
        var reply = new VaultHttp(vault.url()).token(vault.rootToken()).get("auth/token/lookup-self");

        assertThat(reply.status()).isEqualTo(200);
        var names = new ArrayList<String>();
        reply.json().fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("request_id", "lease_id", "renewable", "lease_duration", "data",
                "wrap_info", "warnings", "auth", "mount_type");
        assertThat(reply.json().get("request_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(reply.json().get("lease_id").asText()).isEmpty();
        assertThat(reply.json().get("wrap_info").isNull()).isTrue();
        assertThat(reply.json().get("warnings").isNull()).isTrue();
        assertThat(reply.json().get("auth").isNull()).isTrue();
    }

    @Test
    void mountTypeIsReportedByVaultAndOmittedByOpenBao() {
        var fromVault = new VaultHttp(vault.url()).token(vault.rootToken()).get("sys/mounts");
        var fromOpenBao = new VaultHttp(openBao.url()).token(openBao.rootToken()).get("sys/mounts");

        assertThat(fromVault.json().get("mount_type").asText()).isEqualTo("system");
        assertThat(fromOpenBao.json().has("mount_type")).isFalse();
    }

    @Test
    void jsonBodiesEndWithANewlineAndEscapeHtmlCharactersLikeGo() {
        var reply = new VaultHttp(vault.url()).token(vault.rootToken()).get("no%3Cmount%3E&here/x");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).endsWith("}\n");
        assertThat(reply.body()).contains("no\\u003cmount\\u003e\\u0026here/x").doesNotContain("<", "&");
        assertThat(reply.json().get("errors").get(0).asText()).contains("no<mount>&here/x");
    }

    @Test
    void everyResponseSaysCacheControlNoStoreAndJsonContentType() {
        var ok = new VaultHttp(vault.url()).token(vault.rootToken()).get("sys/mounts");
        var denied = new VaultHttp(vault.url()).get("sys/mounts");

        for (var reply : List.of(ok, denied)) {
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
            assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void revokeSelfAnswers204WithJsonContentTypeAndNoBody() {
        String token = vault.tokens().create(TokenSpec.of(java.time.Duration.ofHours(1)));

        var reply = new VaultHttp(vault.url()).token(token).post("auth/token/revoke-self", null);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.body()).isEmpty();
        assertThat(vault.tokens().lookup(token)).isEmpty();
    }

    @Test
    void listVerbAndGetWithListTrueAreTheSameOperationEdgeCase3() {
        var http = new VaultHttp(vault.url()).token(vault.rootToken());
        vault.requests().clear();

        var verb = http.list("secret/metadata");
        var query = http.get("secret/metadata/?list=true");
        var read = http.get("secret/metadata");

        // an empty list and a missing object are both the bare 404 of section 1.8
        assertThat(verb.status()).isEqualTo(404);
        assertThat(verb.body()).isEqualTo("{\"errors\":[]}\n");
        assertThat(query.status()).isEqualTo(404);
        assertThat(query.body()).isEqualTo(verb.body());
        assertThat(read.status()).isEqualTo(404);
        assertThat(vault.requests().count("LIST", "secret/metadata/?")).isEqualTo(2);
        assertThat(vault.requests().count("GET", "secret/metadata")).isEqualTo(1);
    }

    @Test
    void listWithAnUnparseableBooleanIs400WithNoErrorsEdgeCase3() {
        var reply = new VaultHttp(vault.url()).token(vault.rootToken()).get("secret/metadata?list=yes");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"errors\":[]}\n");
    }
}
