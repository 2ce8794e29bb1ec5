package io.vaultpki.deploy.nomad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vaultpki.deploy.nomad.NomadFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/** The Vault JWT roles for Nomad workload identity bind what the jobs present, and the policies they name stay minimal. */
class VaultSideTest {

    @ParameterizedTest
    @ValueSource(strings = {"vault-pki-monitor", "vault-pki-exporter"})
    void jwtRoleBindsTheVaultAudienceAndTheJobAndNamesItsPolicy(String app) throws Exception {
        JsonNode role = new ObjectMapper().readTree(NomadFiles.NOMAD.resolve("vault/jwt-role-" + app + ".json").toFile());
        assertThat(role.path("role_type").asText()).isEqualTo("jwt");
        assertThat(role.path("bound_audiences").toString()).isEqualTo("[\"vault.io\"]");
        assertThat(role.path("bound_claims").path("nomad_job_id").asText()).isEqualTo(app);
        assertThat(role.path("bound_claims").path("nomad_namespace").asText()).isEqualTo("default");
        assertThat(role.path("user_claim").asText()).isEqualTo("/nomad_job_id");
        assertThat(role.path("user_claim_json_pointer").asBoolean()).isTrue();
        assertThat(role.path("claim_mappings").has("nomad_task")).isTrue();
        assertThat(role.path("token_policies").toString()).isEqualTo("[\"" + app + "\"]");
        // the job's vault block asks for exactly this role
        Map<String, Object> job = NomadFiles.job(NomadFiles.parse(NomadFiles.NOMAD.resolve(app + ".nomad.hcl")), app);
        Map<String, Object> task = NomadFiles.onlyChild(NomadFiles.onlyChild(job.get("group")).get("task"));
        assertThat(map(task.get("vault"))).containsEntry("role", app);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vault-pki-monitor", "vault-pki-exporter"})
    void policyTheRoleNamesParsesAndGrantsNoWriteOutsidePkiIssueAndSign(String app) throws Exception {
        Map<String, Object> policy = NomadFiles.parse(NomadFiles.ROOT.resolve("vault/policies/" + app + ".hcl"));
        Map<String, Object> paths = map(policy.get("path"));
        assertThat(paths).isNotEmpty();
        List<String> writable = new ArrayList<>();
        paths.forEach((path, body) -> {
            assertThat(path).as("no wildcard grants").doesNotContain("*");
            @SuppressWarnings("unchecked") List<Object> caps = (List<Object>) map(body).get("capabilities");
            assertThat(caps).as(path).isNotEmpty().doesNotContain("sudo", "delete", "root");
            if (caps.contains("update") || caps.contains("create")) {
                writable.add(path);
            }
            if (path.startsWith("sys/")) {
                // mount discovery, and a mount's tune for the PKI health checks (issue 13)
                assertThat(path).matches("sys/mounts(/[^*]+/tune)?");
                assertThat(caps).containsExactly("read");
            }
        });
        if (app.equals("vault-pki-monitor")) {
            assertThat(writable).as("the monitor only reads").isEmpty();
        } else {
            assertThat(writable).allMatch(p -> p.matches("[^/]+/(issue|sign)/[^/+]+"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jwt-role-vault-pki-monitor.json", "jwt-role-vault-pki-exporter.json", "jwt-nomad-auth-config.json"})
    void vaultFilesAreJson(String name) throws Exception {
        JsonNode node = new ObjectMapper().readTree(NomadFiles.NOMAD.resolve("vault/" + name).toFile());
        assertThat(node.isObject()).isTrue();
        if (name.startsWith("jwt-nomad")) {
            assertThat(node.path("jwks_url").asText()).endsWith("/.well-known/jwks.json");
        }
    }
}
