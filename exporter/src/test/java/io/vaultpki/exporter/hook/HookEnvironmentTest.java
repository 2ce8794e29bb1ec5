package io.vaultpki.exporter.hook;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HookEnvironmentTest {

    private static final HookContext CONTEXT = new HookContext("web", Path.of("/exported-certs/web"), "3c:9f:01",
            Instant.parse("2031-02-03T04:05:06.789Z"), "web.example.com");

    @Test
    void vaultCredentialsAndSecretLookingVariablesAreRemoved() {
        Map<String, String> inherited = new LinkedHashMap<>();
        for (String name : new String[]{"VAULT_TOKEN", "VAULT_SECRET_ID", "VAULT_ROLE_ID", "VAULT_CLIENT_KEY",
                "VAULT_AUTH_JWT", "NOMAD_TOKEN", "EXPORTER_API_TOKEN_DEPLOYER", "AWS_SECRET_ACCESS_KEY",
                "PKCS12_PASSWORD", "KEY_PASSPHRASE", "db_password", "GITHUB_TOKEN", "TLS_PRIVATE_KEY"}) {
            inherited.put(name, "s3cr3t");
        }

        Map<String, String> env = HookEnvironment.of(inherited, CONTEXT);

        assertThat(env).doesNotContainKeys(inherited.keySet().toArray(String[]::new));
        assertThat(env.values()).doesNotContain("s3cr3t");
    }

    @Test
    void ordinaryVariablesAreKept() {
        Map<String, String> inherited = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/exporter", "LANG", "C.UTF-8",
                "VAULT_ADDR", "https://vault:8200", "VAULT_NAMESPACE", "team-a", "VAULT_CACERT", "/etc/ca.pem");

        Map<String, String> env = HookEnvironment.of(inherited, CONTEXT);

        assertThat(env).containsAllEntriesOf(inherited);
    }

    @Test
    void exportVariablesDescribeTheSwitch() {
        Map<String, String> env = HookEnvironment.of(Map.of("EXPORT_NAME", "spoofed"), CONTEXT);

        assertThat(env).containsEntry("EXPORT_NAME", "web")
                .containsEntry("EXPORT_DIR", "/exported-certs/web")
                .containsEntry("EXPORT_SERIAL", "3c:9f:01")
                .containsEntry("EXPORT_NOT_AFTER", "2031-02-03T04:05:06Z")
                .containsEntry("EXPORT_COMMON_NAME", "web.example.com");
    }

    @Test
    void missingSerialAndExpiryBecomeEmptyVariables() {
        Map<String, String> env = HookEnvironment.of(Map.of(),
                new HookContext("root-ca", Path.of("/x/root-ca"), null, null, null));

        assertThat(env).containsEntry("EXPORT_SERIAL", "").containsEntry("EXPORT_NOT_AFTER", "")
                .containsEntry("EXPORT_COMMON_NAME", "");
    }
}
