package io.vaultpki.emulator;

import io.vaultpki.emulator.spi.Flavor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route table and the order of the request pipeline listed in {@code package-info.java}: when a request breaks
 * two rules, the earlier step answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineOrderTest {

    private static final String EMPTY_ERRORS = "{\"errors\":[]}\n";

    private VaultEmulator vault;
    private VaultEmulator openBao;
    private VaultHttp anonymous;
    private VaultHttp root;

    @BeforeAll
    void start() {
        vault = VaultEmulator.builder().flavor(Flavor.VAULT).start();
        openBao = VaultEmulator.builder().flavor(Flavor.OPENBAO).start();
        anonymous = new VaultHttp(vault.url());
        root = anonymous.token(vault.rootToken());
    }

    @AfterEach
    void heal() {
        vault.faults().clear();
    }

    @AfterAll
    void stop() {
        vault.close();
        openBao.close();
    }

    @Test
    void nodeEndpointsOtherThanHealthTakeOnlyGet() {
        assertThat(anonymous.send("HEAD", "sys/health", null).status()).isEqualTo(200);
        var sealStatus = anonymous.send("HEAD", "sys/seal-status", null);
        var leader = anonymous.post("sys/leader", "{}");

        assertThat(sealStatus.status()).isEqualTo(405);
        assertThat(leader.status()).isEqualTo(405);
        assertThat(leader.body()).isEqualTo(EMPTY_ERRORS);
    }

    @Test
    void aTrailingSlashStillReachesANodeEndpoint() {
        var reply = anonymous.get("sys/health/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("initialized")).isTrue();
    }

    @Test
    void openBaoRefusesANamespaceOnANodeEndpointBeforeCheckingTheMethod() {
        var reply = new VaultHttp(openBao.url()).header("X-Vault-Namespace", "ns1/").post("sys/health", "{}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"errors\":[\"operation unavailable in namespaces\"]}\n");
    }

    @Test
    void theMethodIsCheckedBeforeTheSeal() {
        vault.faults().seal();

        var reply = root.send("OPTIONS", "sys/mounts", null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.body()).isEqualTo(EMPTY_ERRORS);
    }

    @Test
    void theSealIsCheckedBeforeTheBody() {
        vault.faults().seal();

        var reply = root.post("auth/token/create", "{not json");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("{\"errors\":[\"Vault is sealed\"]}\n");
    }

    @Test
    void theBodyIsParsedBeforeTheTokenIsChecked() {
        var reply = anonymous.post("auth/token/create", "{not json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).asText()).startsWith("failed to parse JSON input: ");
    }

    @Test
    void anUnparseableListFlagIsRefusedBeforeTheTokenIsChecked() {
        var reply = anonymous.get("pki/issuers?list=yes");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo(EMPTY_ERRORS);
    }

    @Test
    void pathsOutsideV1AreGoPlainTextNotFound() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(vault.url() + "/ui/")).GET().build();

        var reply = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(reply.body()).isEqualTo("404 page not found\n");
    }
}
