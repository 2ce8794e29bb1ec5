package io.vaultpki.emulator;

import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpClient;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** vault-api.md sections 1.6-1.10 and edge cases 3, 5, 26, 36 and 44. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorContractTest {

    private static final String DENIED = "1 error occurred:\n\t* permission denied\n\n";
    private static final String DENIED_INVALID = "2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n";

    private VaultEmulator vault;
    private VaultEmulator openBao;
    private VaultHttp anonymous;
    private VaultHttp root;

    @BeforeAll
    void start() {
        vault = VaultEmulator.builder().flavor(Flavor.VAULT).start();
        openBao = VaultEmulator.builder().flavor(Flavor.OPENBAO).start();
        vault.policies().put("reader", Policy.builder().path("secret/*", "read").build());
        anonymous = new VaultHttp(vault.url());
        root = anonymous.token(vault.rootToken());
    }

    @AfterAll
    void stop() {
        vault.close();
        openBao.close();
    }

    @Test
    void unknownTokenIsDeniedWithTheInvalidTokenSecondErrorOnVaultEdgeCase26() {
        var reply = anonymous.token("hvs.doesnotexist000000000000").get("sys/mounts");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("errors").get(0).asText()).isEqualTo(DENIED_INVALID);
    }

    @Test
    void unknownTokenIsDeniedWithPermissionDeniedOnlyOnOpenBaoEdgeCase26() {
        var reply = new VaultHttp(openBao.url()).token("hvs.doesnotexist000000000000").get("sys/mounts");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("errors").get(0).asText()).isEqualTo(DENIED);
    }

    @Test
    void expiredTokenIsTreatedAsInvalidEdgeCase26() {
        var clock = new MutableClock();
        try (var emu = VaultEmulator.builder().clock(clock).start()) {
            String token = emu.tokens().create(TokenSpec.of(Duration.ofMinutes(5)));
            clock.advance(Duration.ofMinutes(6));

            var reply = new VaultHttp(emu.url()).token(token).get("auth/token/lookup-self");

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json().get("errors").get(0).asText()).isEqualTo(DENIED_INVALID);
        }
    }

    @Test
    void validTokenWithoutPolicyGetsPlainPermissionDeniedEvenWhereNoMountExists() {
        String token = vault.tokens().create(TokenSpec.of(Duration.ofHours(1), "reader"));

        var reply = anonymous.token(token).get("nothing/mounted/here");

        // ACL runs before routing (section 1.8): only allowed callers learn that the mount is missing
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("errors").get(0).asText()).isEqualTo(DENIED);
    }

    @Test
    void noTokenOnAnAuthenticatedPathIsPermissionDenied() {
        var reply = anonymous.get("sys/mounts");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("errors").get(0).asText()).isEqualTo(DENIED);
    }

    @Test
    void rootTokenOnAMissingMountGetsTheRouterNotFoundSection18() {
        var reply = root.get("x/y");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("errors").get(0).asText())
                .isEqualTo("no handler for route \"x/y\". route entry not found.");
    }

    @Test
    void pathInsideAMountWithoutARouteIsUnsupportedPath() {
        var reply = root.get("auth/token/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("errors").get(0).asText()).isEqualTo("1 error occurred:\n\t* unsupported path\n\n");
    }

    @Test
    void doubleSlashRedirectsToTheCleanedPathKeepingTheQueryEdgeCase5() {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        var reply = new VaultHttp(vault.url(), client).get("pki//issuers?list=true");

        assertThat(reply.status()).isEqualTo(301);
        assertThat(reply.header("Location")).isEqualTo("/v1/pki/issuers?list=true");
    }

    @Test
    void sealedNodeAnswers503VaultIsSealedToEveryLogicalRequestEdgeCase36() {
        vault.faults().seal();
        try {
            var logical = root.get("sys/mounts");
            var login = anonymous.post("auth/userpass/login/alice", "{\"password\":\"x\"}");
            var sealStatus = anonymous.get("sys/seal-status");

            assertThat(logical.status()).isEqualTo(503);
            assertThat(logical.body()).isEqualTo("{\"errors\":[\"Vault is sealed\"]}\n");
            assertThat(login.status()).isEqualTo(503);
            assertThat(sealStatus.status()).isEqualTo(200);
            assertThat(sealStatus.json().get("sealed").asBoolean()).isTrue();
        } finally {
            vault.faults().unseal();
        }
    }

    @Test
    void malformedJsonBodyIs400WithTheFlavorSpecificMessage() {
        var fromVault = root.post("auth/token/create", "{\"policies\": [");
        var fromOpenBao = new VaultHttp(openBao.url()).token(openBao.rootToken())
                .post("auth/token/create", "{\"policies\": [");

        assertThat(fromVault.status()).isEqualTo(400);
        assertThat(fromVault.json().get("errors").get(0).asText()).startsWith("failed to parse JSON input: ");
        assertThat(fromOpenBao.status()).isEqualTo(400);
        assertThat(fromOpenBao.json().get("errors").get(0).asText()).startsWith("failed to decode JSON input: ");
    }

    @Test
    void formEncodedBodiesAreAcceptedSection11() {
        var reply = root.header("Content-Type", "application/x-www-form-urlencoded")
                .post("auth/token/create", "policies=&ttl=90s&display_name=form");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("auth").get("lease_duration").asLong()).isEqualTo(90);
    }

    @Test
    void patchWithoutMergePatchContentTypeIs415() {
        var reply = root.header("Content-Type", "application/json").send("PATCH", "secret/data/x", "{}");

        assertThat(reply.status()).isEqualTo(415);
    }

    @Test
    void malformedPercentEscapesInAFormBodyAreKeptAsText() {
        var reply = root.header("Content-Type", "application/x-www-form-urlencoded")
                .post("auth/token/create", "ttl=90s&display_name=100%zz");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void negativeWrapTtlIsRejectedSection11() {
        var reply = root.header("X-Vault-Wrap-TTL", "-5s").get("sys/mounts");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).asText()).isEqualTo("requested wrap ttl cannot be negative");
    }

    @Test
    void unknownHttpMethodIs405() {
        var reply = root.send("OPTIONS", "sys/mounts", null);

        assertThat(reply.status()).isEqualTo(405);
    }

    @Test
    void wrongOperationOnAnExistingRouteIsUnsupportedOperation() {
        var reply = root.send("DELETE", "auth/token/lookup-self", null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.json().get("errors").get(0).asText())
                .isEqualTo("1 error occurred:\n\t* unsupported operation\n\n");
    }

    @Test
    void bodyOverThirtyTwoMebibytesIs413() {
        String huge = "{\"x\":\"" + "a".repeat(RequestBody.MAX_REQUEST_SIZE) + "\"}";

        var reply = root.post("auth/token/create", huge);

        assertThat(reply.status()).isEqualTo(413);
    }

    @Test
    void bearerAuthorizationIsAcceptedWhenNoVaultTokenHeaderIsSentSection11() {
        var reply = anonymous.header("Authorization", "Bearer " + vault.rootToken()).get("sys/mounts");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void vaultTokenHeaderWinsOverBearerSection11() {
        var reply = anonymous.header("Authorization", "Bearer " + vault.rootToken())
                .token("hvs.doesnotexist000000000000").get("sys/mounts");

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void nonBearerAuthorizationIsIgnored() {
        var reply = anonymous.header("Authorization", "Basic " + vault.rootToken()).get("sys/mounts");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("errors").get(0).asText()).isEqualTo(DENIED);
    }
}
