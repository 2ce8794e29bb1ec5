package io.vaultpki.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** vault-api.md sections 4.1 and 4.2, edge case 43. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthLoginContractTest {

    private static final String SA_JWT = jwt("{\"iss\":\"kubernetes/serviceaccount\","
            + "\"kubernetes.io/serviceaccount/namespace\":\"monitoring\","
            + "\"kubernetes.io/serviceaccount/service-account.name\":\"vault-pki\","
            + "\"kubernetes.io/serviceaccount/service-account.uid\":\"1234\"}");
    private static final String NOMAD_JWT = jwt("{\"sub\":\"global:default:monitor:web:task\","
            + "\"nomad_namespace\":\"default\",\"nomad_job_id\":\"monitor\",\"nomad_task\":\"web\"}");

    private VaultEmulator vault;
    private VaultHttp http;

    @BeforeAll
    void start() {
        vault = VaultEmulator.builder().start();
        var spec = TokenSpec.of(Duration.ofMinutes(30), "monitor");
        vault.auth().appRole("approle").role("monitor", "role-id-1", "secret-id-1", spec)
                .role("no-secret", "role-id-2", null, spec);
        vault.auth().kubernetes("kubernetes").role("vault-pki", spec).acceptJwt(SA_JWT);
        vault.auth().jwt("jwt-nomad").role("vault-pki", spec).defaultRole("vault-pki").acceptJwt(NOMAD_JWT);
        vault.auth().userpass("userpass").user("Alice", "s3cret", spec);
        http = new VaultHttp(vault.url());
    }

    @AfterAll
    void stop() {
        vault.close();
    }

    @Test
    void appRolePullModeReadsTheRoleIdAndGeneratesASecretIdThatLogsIn() {
        var root = http.token(vault.rootToken());

        var roleId = root.get("auth/approle/role/monitor/role-id");
        var secretId = root.post("auth/approle/role/monitor/secret-id", "{}");

        assertThat(roleId.json().get("data").get("role_id").asText()).isEqualTo("role-id-1");
        JsonNode generated = secretId.json().get("data");
        assertThat(generated.get("secret_id").asText()).isNotBlank().isNotEqualTo("secret-id-1");
        assertThat(generated.get("secret_id_accessor").asText()).isNotBlank();
        assertThat(generated.get("secret_id_ttl").asLong()).isZero();
        var login = http.post("auth/approle/login", "{\"role_id\":\"role-id-1\",\"secret_id\":\""
                + generated.get("secret_id").asText() + "\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(http.post("auth/approle/login", "{\"role_id\":\"role-id-1\",\"secret_id\":\"secret-id-1\"}")
                .status()).as("the configured secret id still works").isEqualTo(200);
    }

    @Test
    void appRolePullModeAnswersUnknownRolesAndUnboundSecretIdsAsVaultsApprole() {
        var root = http.token(vault.rootToken());

        var unknownRoleId = root.get("auth/approle/role/nope/role-id");
        var unknownSecretId = root.post("auth/approle/role/nope/secret-id", "{}");
        var unbound = root.post("auth/approle/role/no-secret/secret-id", "{}");

        assertThat(unknownRoleId.status()).isEqualTo(404);
        assertThat(unknownRoleId.body()).isEqualTo("{\"errors\":[]}\n");
        assertThat(unknownSecretId.status()).isEqualTo(400);
        assertThat(unknownSecretId.body()).isEqualTo("{\"errors\":[\"role \\\"nope\\\" does not exist\"]}\n");
        assertThat(unbound.body()).isEqualTo("{\"errors\":[\"bind_secret_id is not set on the role\"]}\n");
    }

    @Test
    void appRolePullModeNeedsAToken() {
        var roleId = http.get("auth/approle/role/monitor/role-id");
        String token = vault.tokens().create(TokenSpec.of(Duration.ofMinutes(5)));
        var withDefaultPolicy = http.token(token).post("auth/approle/role/monitor/secret-id", "{}");

        assertThat(roleId.status()).isEqualTo(403);
        assertThat(withDefaultPolicy.status()).isEqualTo(403);
    }

    @Test
    void appRoleLoginReturnsTheFullAuthBlockWithNullDataSection41() {
        var reply = http.post("auth/approle/login", "{\"role_id\":\"role-id-1\",\"secret_id\":\"secret-id-1\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("data").isNull()).isTrue();
        assertThat(reply.json().get("mount_type").asText()).isEqualTo("approle");
        JsonNode auth = reply.json().get("auth");
        var names = new ArrayList<String>();
        auth.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("client_token", "accessor", "policies", "token_policies", "metadata",
                "lease_duration", "renewable", "entity_id", "token_type", "orphan", "mfa_requirement", "num_uses");
        assertThat(auth.get("client_token").asText()).startsWith("hvs.");
        assertThat(auth.get("policies").toString()).isEqualTo("[\"default\",\"monitor\"]");
        assertThat(auth.get("metadata").get("role_name").asText()).isEqualTo("monitor");
        assertThat(auth.get("lease_duration").asLong()).isEqualTo(1800);
        assertThat(auth.get("renewable").asBoolean()).isTrue();
        assertThat(auth.get("token_type").asText()).isEqualTo("service");
        assertThat(auth.get("orphan").asBoolean()).isTrue();
        assertThat(auth.get("mfa_requirement").isNull()).isTrue();
        assertThat(auth.get("num_uses").asInt()).isZero();

        var lookup = http.token(auth.get("client_token").asText()).get("auth/token/lookup-self").json().get("data");
        assertThat(lookup.get("path").asText()).isEqualTo("auth/approle/login");
        assertThat(lookup.get("display_name").asText()).isEqualTo("approle");
        assertThat(lookup.get("accessor").asText()).isEqualTo(auth.get("accessor").asText());
    }

    @Test
    void appRoleLoginErrorsAre400PlainMessagesSection42() {
        assertThat(error(http.post("auth/approle/login", "{}"))).isEqualTo("missing role_id");
        assertThat(error(http.post("auth/approle/login", "{\"role_id\":\"role-id-1\"}")))
                .isEqualTo("missing secret_id");
        assertThat(error(http.post("auth/approle/login", "{\"role_id\":\"role-id-1\",\"secret_id\":\"wrong\"}")))
                .isEqualTo("invalid role or secret ID");
        assertThat(http.post("auth/approle/login", "{}").status()).isEqualTo(400);
    }

    @Test
    void anInvalidTokenSentWithALoginIsIgnored() {
        var reply = http.token("hvs.doesnotexist000000000000")
                .post("auth/approle/login", "{\"role_id\":\"role-id-1\",\"secret_id\":\"secret-id-1\"}");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void kubernetesLoginCarriesServiceAccountMetadataAndDisplayName() {
        var reply = http.post("auth/kubernetes/login", "{\"role\":\"vault-pki\",\"jwt\":\"" + SA_JWT + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        var metadata = reply.json().get("auth").get("metadata");
        assertThat(metadata.get("role").asText()).isEqualTo("vault-pki");
        assertThat(metadata.get("service_account_name").asText()).isEqualTo("vault-pki");
        assertThat(metadata.get("service_account_namespace").asText()).isEqualTo("monitoring");
        assertThat(metadata.get("service_account_uid").asText()).isEqualTo("1234");
        String token = reply.json().get("auth").get("client_token").asText();
        assertThat(http.token(token).get("auth/token/lookup-self").json().get("data").get("display_name").asText())
                .isEqualTo("kubernetes-monitoring-vault-pki");
    }

    @Test
    void kubernetesLoginWithAnUnknownJwtIsPermissionDeniedEdgeCase43() {
        var reply = http.post("auth/kubernetes/login", "{\"role\":\"vault-pki\",\"jwt\":\"" + jwt("{}") + "\"}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(error(reply)).contains("permission denied");
    }

    @Test
    void kubernetesLoginValidationErrorsAre400() {
        assertThat(error(http.post("auth/kubernetes/login", "{\"jwt\":\"x\"}"))).isEqualTo("missing role");
        assertThat(error(http.post("auth/kubernetes/login", "{\"role\":\"vault-pki\"}"))).isEqualTo("missing jwt");
        assertThat(error(http.post("auth/kubernetes/login", "{\"role\":\"other\",\"jwt\":\"x\"}")))
                .isEqualTo("invalid role name \"other\"");
    }

    @Test
    void jwtLoginUsesTheDefaultRoleAndMapsNomadClaims() {
        var reply = http.post("auth/jwt-nomad/login", "{\"jwt\":\"" + NOMAD_JWT + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        var metadata = reply.json().get("auth").get("metadata");
        assertThat(metadata.get("role").asText()).isEqualTo("vault-pki");
        assertThat(metadata.get("nomad_job_id").asText()).isEqualTo("monitor");
        assertThat(metadata.get("nomad_task").asText()).isEqualTo("web");
        String token = reply.json().get("auth").get("client_token").asText();
        assertThat(http.token(token).get("auth/token/lookup-self").json().get("data").get("display_name").asText())
                .isEqualTo("jwt-nomad-global:default:monitor:web:task");
    }

    @Test
    void jwtLoginWithABadJwtIs400ErrorValidatingTokenEdgeCase43() {
        var reply = http.post("auth/jwt-nomad/login", "{\"role\":\"vault-pki\",\"jwt\":\"not.a.jwt\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(error(reply)).startsWith("error validating token: ");
        assertThat(error(http.post("auth/jwt-nomad/login", "{\"role\":\"nope\",\"jwt\":\"x\"}")))
                .isEqualTo("role \"nope\" could not be found");
        assertThat(error(http.post("auth/jwt-nomad/login", "{}"))).isEqualTo("missing token");
    }

    @Test
    void userpassLoginIsCaseInsensitiveOnTheUsername() {
        var reply = http.post("auth/userpass/login/ALICE", "{\"password\":\"s3cret\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("auth").get("metadata").get("username").asText()).isEqualTo("alice");
        String token = reply.json().get("auth").get("client_token").asText();
        var lookup = http.token(token).get("auth/token/lookup-self").json().get("data");
        assertThat(lookup.get("display_name").asText()).isEqualTo("userpass-alice");
    }

    @Test
    void userpassTokenPathIsTheLoginPath() {
        var reply = http.post("auth/userpass/login/alice", "{\"password\":\"s3cret\"}");

        String token = reply.json().get("auth").get("client_token").asText();
        assertThat(http.token(token).get("auth/token/lookup-self").json().get("data").get("path").asText())
                .isEqualTo("auth/userpass/login/alice");
    }

    @Test
    void userpassLoginWithABadPasswordIs400() {
        var wrong = http.post("auth/userpass/login/alice", "{\"password\":\"nope\"}");
        var unknown = http.post("auth/userpass/login/bob", "{\"password\":\"nope\"}");

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(error(wrong)).isEqualTo("invalid username or password");
        assertThat(error(unknown)).isEqualTo("invalid username or password");
    }

    @Test
    void loginPathsOnlyAcceptUpdates() {
        var reply = http.get("auth/approle/login");

        assertThat(reply.status()).isEqualTo(405);
    }

    @Test
    void batchRoleLoginsReturnBatchTokens() {
        vault.auth().appRole("batch-approle").role("b", "rid", "sid", TokenSpec.builder().batch().build());

        var auth = http.post("auth/batch-approle/login", "{\"role_id\":\"rid\",\"secret_id\":\"sid\"}")
                .json().get("auth");

        assertThat(auth.get("client_token").asText()).startsWith("hvb.");
        assertThat(auth.get("accessor").asText()).isEmpty();
        assertThat(auth.get("token_type").asText()).isEqualTo("batch");
        assertThat(auth.get("renewable").asBoolean()).isFalse();
    }

    private static String error(VaultHttp.Reply reply) {
        return reply.json().get("errors").get(0).asText();
    }

    private static String jwt(String claims) {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}
