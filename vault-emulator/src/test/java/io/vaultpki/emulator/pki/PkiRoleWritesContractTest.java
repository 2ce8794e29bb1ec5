package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST} and {@code DELETE roles/:name}, as vault-java-driver's {@code pki().createOrUpdateRole/deleteRole}
 * call them (https://developer.hashicorp.com/vault/api-docs/secret/pki#create-update-role, #delete-role).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkiRoleWritesContractTest {

    private VaultEmulator emulator;
    private PkiHttp root;

    @BeforeAll
    void start() {
        emulator = VaultEmulator.builder().flavor(Flavor.VAULT).start();
        emulator.pki().enable("pki").generateRoot(IssuerSpec.named("root").key(KeyAlgorithm.EC_P256));
        emulator.pki().enable("bare");
        root = new PkiHttp(emulator.url(), emulator.rootToken());
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Test
    void aRoleWriteAnswersTheRolesDataAndIsReadBackAndIssuesWithIt() {
        var written = root.post("pki/roles/api", Map.of("allowed_domains", "example.org,example.net",
                "allow_subdomains", true, "ttl", "2h", "max_ttl", 86400, "key_type", "ec"));

        assertThat(written.status()).isEqualTo(200);
        var data = written.json().get("data");
        assertThat(data.get("allowed_domains").toString()).isEqualTo("[\"example.org\",\"example.net\"]");
        assertThat(data.get("ttl").asLong()).isEqualTo(7200);
        assertThat(data.get("max_ttl").asLong()).isEqualTo(86400);
        assertThat(data.get("key_bits").asInt()).as("ec defaults to 256").isEqualTo(256);
        assertThat(data.get("allow_localhost").asBoolean()).as("field default").isTrue();
        assertThat(data.get("issuer_ref").asText()).isEqualTo("default");
        assertThat(root.get("pki/roles/api").json().get("data")).isEqualTo(data);
        assertThat(root.post("pki/issue/api", Map.of("common_name", "www.example.org")).status()).isEqualTo(200);
    }

    @Test
    void aRoleWriteReplacesTheWholeRole() {
        root.post("pki/roles/replaced", Map.of("allowed_domains", "example.org", "allow_subdomains", true));

        var second = root.post("pki/roles/replaced", Map.of("allow_any_name", true));

        assertThat(second.json().get("data").get("allowed_domains").toString()).isEqualTo("[]");
        assertThat(second.json().get("data").get("allow_subdomains").asBoolean()).isFalse();
        assertThat(second.json().get("data").get("key_type").asText()).isEqualTo("rsa");
        assertThat(second.json().get("data").get("key_bits").asInt()).isEqualTo(2048);
    }

    @Test
    void aDeleteAnswers204AndTheRoleIsGoneEvenWhenItNeverExisted() {
        root.post("pki/roles/gone", Map.of("allow_any_name", true));

        assertThat(root.delete("pki/roles/gone").status()).isEqualTo(204);
        assertThat(root.get("pki/roles/gone").status()).isEqualTo(404);
        assertThat(root.delete("pki/roles/never").status()).isEqualTo(204);
        assertThat(root.post("pki/issue/gone", Map.of("common_name", "a.example.org")).text())
                .contains("unknown role: gone");
    }

    @Test
    void aRoleWriteIsValidatedAsVaultsValidateRole() {
        assertThat(root.post("pki/roles/bad", Map.of("ttl", "2h", "max_ttl", "1h")).text())
                .isEqualTo("{\"errors\":[\"\\\"ttl\\\" value must be less than \\\"max_ttl\\\" value\"]}\n");
        assertThat(root.post("pki/roles/bad", Map.of("key_type", "ec", "key_bits", 2048)).text())
                .contains("unsupported bit length for EC key: 2048");
        assertThat(root.post("pki/roles/bad", Map.of("key_type", "rsa", "key_bits", 1024)).text())
                .as("Go escapes < in JSON").contains("RSA keys \\u003c 2048 bits are unsafe and not supported: got 1024");
        assertThat(root.post("pki/roles/bad", Map.of("key_type", "dsa")).text()).contains("unknown key type dsa");
        assertThat(root.post("pki/roles/bad", Map.of("allow_any_name", "maybe")).status()).isEqualTo(400);
        assertThat(root.get("pki/roles/bad").status()).isEqualTo(404);
    }

    @Test
    void hostileRoleFieldsAreA400AndStoreNothing() {
        var notANumber = root.post("pki/roles/hostile", Map.of("key_type", "ec", "key_bits", "256; rm -rf /"));
        var hugeTtl = root.post("pki/roles/hostile", Map.of("ttl", "9999999999999999h"));
        var overflowTtl = root.post("pki/roles/hostile", Map.of("max_ttl", "9223372036854775807"));
        var nestedName = root.post("pki/roles/a/b", Map.of("allow_any_name", true));
        var dotted = root.post("pki/roles/..", Map.of("allow_any_name", true));

        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(hugeTtl.status()).isEqualTo(400);
        assertThat(overflowTtl.status()).isIn(200, 400);
        assertThat(nestedName.status()).as("no route for a name with a slash").isEqualTo(404);
        assertThat(dotted.status()).isIn(301, 404);
        assertThat(root.get("pki/roles/hostile").status()).isEqualTo(overflowTtl.status() == 200 ? 200 : 404);
    }

    @Test
    void aRoleOnAMountWithoutADefaultIssuerIsStoredWithVaultsWarning() {
        var written = root.post("bare/roles/early", Map.of("allow_any_name", true));

        assertThat(written.status()).isEqualTo(200);
        assertThat(written.json().get("warnings").get(0).asText()).isEqualTo("Issuing Certificate was set to "
                + "default, but no default issuing certificate (configurable at /config/issuers) is currently set");
        assertThat(root.get("bare/roles/early").status()).isEqualTo(200);
    }

    @Test
    void roleWritesNeedUpdateAndDeletesNeedDeleteCapability() {
        emulator.policies().put("roles-read", Policy.builder().path("pki/roles/*", "read", "list").build());
        String token = emulator.tokens().create(TokenSpec.of(Duration.ofMinutes(5), "roles-read"));
        var reader = new PkiHttp(emulator.url(), token);
        root.post("pki/roles/kept", Map.of("allow_any_name", true));

        assertThat(reader.post("pki/roles/kept", Map.of("allow_any_name", false)).status()).isEqualTo(403);
        assertThat(reader.delete("pki/roles/kept").status()).isEqualTo(403);
        assertThat(root.get("pki/roles/kept").json().get("data").get("allow_any_name").asBoolean()).isTrue();
    }
}
