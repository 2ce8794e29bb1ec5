package io.vaultpki.exporter.hook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HookEnvironmentTest {

    private static final HookContext CONTEXT = new HookContext("web", Path.of("/exported-certs/web"), "3c:9f:01",
            Instant.parse("2031-02-03T04:05:06.789Z"), "web.example.com");

    private static Map<String, String> of(Map<String, String> inherited) {
        return HookEnvironment.of(inherited, Map.of(), "reload", CONTEXT);
    }

    @Test
    void nothingBeyondTheAllowListIsInheritedWhateverItsName() {
        Map<String, String> inherited = new LinkedHashMap<>();
        for (String name : new String[]{"VAULT_TOKEN", "VAULT_SECRET_ID", "VAULT_ROLE_ID", "VAULT_CLIENT_KEY",
                "VAULT_AUTH_JWT", "NOMAD_TOKEN", "EXPORTER_API_TOKEN_DEPLOYER", "AWS_SECRET_ACCESS_KEY",
                "PKCS12_PASSWORD", "KEY_PASSPHRASE", "db_password", "GITHUB_TOKEN", "TLS_PRIVATE_KEY",
                "VAULT_ADDR", "VAULT_CACERT", "JAVA_TOOL_OPTIONS", "MICRONAUT_CONFIG_FILES", "APP_SETTINGS", "X"}) {
            inherited.put(name, "s3cr3t");
        }

        Map<String, String> env = of(inherited);

        assertThat(env).doesNotContainKeys(inherited.keySet().toArray(String[]::new));
        assertThat(env.values()).doesNotContain("s3cr3t");
    }

    @Test
    void pathHomeUserLocaleTimeZoneAndTempDirectoryAreInherited() {
        Map<String, String> inherited = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/exporter", "USER", "exporter",
                "LOGNAME", "exporter", "LANG", "C.UTF-8", "LC_ALL", "C.UTF-8", "LC_TIME", "en_GB.UTF-8", "TZ", "UTC",
                "TMPDIR", "/tmp", "LANGUAGE", "en");

        assertThat(of(inherited)).containsAllEntriesOf(inherited);
    }

    @Test
    void aMissingPathGetsTheUsualSystemPath() {
        assertThat(of(Map.of())).containsEntry("PATH", HookEnvironment.DEFAULT_PATH);
    }

    @Test
    void theOperatorsVariablesAreAddedButNeverOverrideTheExportVariables() {
        Map<String, String> env = HookEnvironment.of(Map.of(), Map.of("RELOAD_MODE", "graceful", "EXPORT_NAME", "spoofed",
                "VAULT_TOKEN", "x"), "reload", CONTEXT);

        assertThat(env).containsEntry("RELOAD_MODE", "graceful").containsEntry("EXPORT_NAME", "web")
                .doesNotContainKey("VAULT_TOKEN");
    }

    @Test
    void exportVariablesDescribeTheSwitch() {
        Map<String, String> env = of(Map.of("EXPORT_NAME", "spoofed"));

        assertThat(env).containsEntry("EXPORT_NAME", "web")
                .containsEntry("EXPORT_DIR", "/exported-certs/web")
                .containsEntry("EXPORT_SERIAL", "3c:9f:01")
                .containsEntry("EXPORT_NOT_AFTER", "2031-02-03T04:05:06Z")
                .containsEntry("EXPORT_COMMON_NAME", "web.example.com")
                .containsEntry("EXPORT_HOOK", "reload");
    }

    @Test
    void controlCharactersInTheCommonNameNeverReachTheHook() {
        Map<String, String> env = HookEnvironment.of(Map.of(), Map.of(), "reload",
                new HookContext("web", Path.of("/x/web"), "01", null, "evil\nEXPORT_SERIAL=ff\u0000"));

        assertThat(env.get("EXPORT_COMMON_NAME")).isEqualTo("evil?EXPORT_SERIAL=ff?");
    }

    @Test
    void missingSerialAndExpiryBecomeEmptyVariables() {
        Map<String, String> env = HookEnvironment.of(Map.of(), Map.of(), "reload",
                new HookContext("root-ca", Path.of("/x/root-ca"), null, null, null));

        assertThat(env).containsEntry("EXPORT_SERIAL", "").containsEntry("EXPORT_NOT_AFTER", "")
                .containsEntry("EXPORT_COMMON_NAME", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VAULT_TOKEN", "vault_token", "VAULT_SECRET_ID", "VAULT_ROLE_ID", "VAULT_CLIENT_KEY",
            "VAULT_AUTH_JWT", "BAO_TOKEN", "NOMAD_TOKEN", "GITHUB_TOKEN", "DB_PASSWORD", "KEY_PASSPHRASE",
            "AWS_SECRET_ACCESS_KEY", "TLS_PRIVATE_KEY", "CONSUL_HTTP_TOKEN", "MY_API_KEY", "GOOGLE_CREDENTIALS"})
    void credentialNamesAreRecognised(String name) {
        assertThat(HookEnvironment.isCredential(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RELOAD_MODE", "HTTP_PROXY", "NGINX_PID_FILE", "SERVICE_NAME", "KEYBOARD_LAYOUT"})
    void ordinaryNamesAreNotCredentials(String name) {
        assertThat(HookEnvironment.isCredential(name)).isFalse();
    }
}
