package io.vaultpki.deploy.helm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The original chart's `env` list (VAULT_ADDR, VAULT_ROLE, VAULT_MOUNT_POINT) still configures both apps. */
class LegacyEnvTest {

    static Stream<Chart> charts() {
        return Stream.of(Chart.MONITOR, Chart.EXPORTER);
    }

    private static final List<Map<String, Object>> LEGACY = List.of(
            Map.of("name", "VAULT_ADDR", "value", "https://vault.example.com:8200"),
            Map.of("name", "VAULT_ROLE", "value", "legacy-role"),
            Map.of("name", "VAULT_MOUNT_POINT", "value", "kubernetes-prod"));

    @ParameterizedTest
    @MethodSource("charts")
    void theLegacyListReachesTheContainerUnchangedAndWinsOverGeneratedVariables(Chart chart) {
        Chart.Rendered rendered = chart.render("env[0].name", "VAULT_ADDR", "env[0].value", "https://vault.example.com:8200",
                "env[1].name", "VAULT_ROLE", "env[1].value", "legacy-role",
                "env[2].name", "VAULT_MOUNT_POINT", "env[2].value", "kubernetes-prod",
                "vault.address", "https://ignored.example.com:8200", "vault.auth.mountPath", "ignored");

        List<Map<String, Object>> env = Chart.at(rendered.container(), "env");
        assertThat(env).containsSubsequence(LEGACY);
        assertThat(env).extracting(e -> e.get("name")).doesNotHaveDuplicates();
        assertThat(rendered.envValue("VAULT_ADDR")).isEqualTo("https://vault.example.com:8200");
        assertThat(rendered.envValue("VAULT_ROLE")).isEqualTo("legacy-role");
        assertThat(rendered.envValue("VAULT_AUTH_METHOD")).isEqualTo("kubernetes");
    }

    @ParameterizedTest
    @MethodSource("charts")
    void theCiLegacyScenarioKeepsTheListAsWritten(Chart chart) {
        Chart.Rendered rendered = chart.render(chart.ciValues().stream()
                .filter(p -> p.getFileName().toString().contains("legacy-env")).findFirst().orElseThrow());

        List<Map<String, Object>> env = Chart.at(rendered.container(), "env");
        assertThat(env).extracting(e -> e.get("name")).containsSubsequence("VAULT_ADDR", "VAULT_ROLE", "VAULT_MOUNT_POINT")
                .doesNotHaveDuplicates();
        assertThat(rendered.envValue("VAULT_MOUNT_POINT")).isEqualTo("kubernetes-prod");
    }
}
