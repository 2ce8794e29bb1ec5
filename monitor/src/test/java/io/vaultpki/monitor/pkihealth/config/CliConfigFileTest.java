package io.vaultpki.monitor.pkihealth.config;

import io.micronaut.context.exceptions.ConfigurationException;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Vault CLI's {@code -health-config} JSON file: read, merged with the defaults, and every mistake named. */
class CliConfigFileTest {

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("health.json"), json);
    }

    private Map<String, CheckSettings> resolve(String json) throws IOException {
        Path file = file(json);
        return CheckSettingsResolver.resolve(CliConfigFile.read(file), file.toString(), Map.of());
    }

    private String error(String json) throws IOException {
        Path file = file(json);
        return assertThatThrownBy(() -> CheckSettingsResolver.resolve(CliConfigFile.read(file), file.toString(),
                Map.of())).isInstanceOf(ConfigurationException.class).actual().getMessage();
    }

    @Test
    void theClisOwnDefaultConfigReadsAsTheDefaults() throws IOException {
        // what `vault pki health-check -list -format=json` prints (DefaultConfig() of each check)
        String cliDefaults;
        try (InputStream in = getClass().getResourceAsStream("/pkihealth/cli-default-config.json")) {
            cliDefaults = new String(in.readAllBytes());
        }
        assertThat(resolve(cliDefaults)).isEqualTo(HealthCheckConfig.defaults().checks());
    }

    @Test
    void anEmptyObjectIsTheDefaults() throws IOException {
        Map<String, CheckSettings> settings = resolve("{}");
        assertThat(settings).isEqualTo(HealthCheckConfig.defaults().checks());
        assertThat(settings.get("hardware_backed_root").enabled()).isFalse();
        assertThat(settings.get("ca_validity_period").duration("root_expiry_critical")).isEqualTo(Duration.ofDays(180));
    }

    @Test
    void valuesAreReadAsTheCliReadsThem() throws IOException {
        Map<String, CheckSettings> settings = resolve("""
                {"ca_validity_period": {"root_expiry_critical": 86400, "intermediate_expiry_warning": "36h"},
                 "crl_validity_period": {"crl_expiry_pct_critical": 80},
                 "hardware_backed_root": {"enabled": "true"},
                 "tidy_last_run": {"enabled": false},
                 "role_no_store_false": {"allowed_roles": ["legacy"]}}""");
        assertThat(settings.get("ca_validity_period").duration("root_expiry_critical")).isEqualTo(Duration.ofDays(1));
        assertThat(settings.get("ca_validity_period").duration("intermediate_expiry_warning"))
                .isEqualTo(Duration.ofHours(36));
        assertThat(settings.get("crl_validity_period").integer("crl_expiry_pct_critical")).isEqualTo(80);
        assertThat(settings.get("hardware_backed_root").enabled()).isTrue();
        assertThat(settings.get("tidy_last_run").enabled()).isFalse();
        assertThat(settings.get("role_no_store_false").strings("allowed_roles")).containsExactly("legacy");
    }

    @Test
    void unknownParameterIsRejectedNamingFileCheckAndKey() throws IOException {
        assertThat(error("{\"tidy_last_run\": {\"last_run_critcal\": \"7d\"}}"))
                .startsWith("monitor.health-checks.config-file (" + dir.resolve("health.json") + "): ")
                .contains("unknown parameter \"last_run_critcal\" of tidy_last_run")
                .contains("known: enabled, last_run_critical, last_run_warning");
    }

    @Test
    void unknownCheckIsRejectedNamingIt() throws IOException {
        assertThat(error("{\"ca_validity\": {}}")).contains("unknown health check \"ca_validity\"")
                .contains("ca_validity_period");
    }

    @Test
    void wrongTypeIsRejectedNamingCheckAndKey() throws IOException {
        assertThat(error("{\"root_issued_leaves\": {\"certs_to_fetch\": \"many\"}}"))
                .endsWith("root_issued_leaves.certs_to_fetch must be a whole number from 1 to 100000, was \"many\"");
        assertThat(error("{\"audit_visibility\": {\"ignored_parameters\": \"csr\"}}"))
                .endsWith("audit_visibility.ignored_parameters must be a list of strings, was \"csr\"");
        assertThat(error("{\"role_no_store_false\": {\"allowed_roles\": [\"a\", 1]}}"))
                .contains("role_no_store_false.allowed_roles must be a list of strings");
        assertThat(error("{\"tidy_last_run\": {\"enabled\": \"yes\"}}"))
                .endsWith("tidy_last_run.enabled must be true or false, was \"yes\"");
        assertThat(error("{\"too_many_certs\": {\"count_warning\": 1.5}}"))
                .endsWith("too_many_certs.count_warning must be a whole number from 1 to 15000000, was 1.5");
    }

    @Test
    void negativeAndOutOfRangeValuesAreRejected() throws IOException {
        assertThat(error("{\"tidy_last_run\": {\"last_run_warning\": \"-2d\"}}"))
                .contains("tidy_last_run.last_run_warning must be a duration");
        assertThat(error("{\"tidy_last_run\": {\"last_run_warning\": -5}}"))
                .contains("tidy_last_run.last_run_warning must be a duration");
        assertThat(error("{\"crl_validity_period\": {\"crl_expiry_pct_critical\": 100}}"))
                .endsWith("crl_validity_period.crl_expiry_pct_critical must be a whole number from 1 to 99, was 100");
        assertThat(error("{\"tidy_last_run\": {\"last_run_warning\": \"99999999999999999999d\"}}"))
                .contains("tidy_last_run.last_run_warning must be a duration");
        assertThat(error("{\"tidy_last_run\": {\"last_run_warning\": \"36501d\"}}"))
                .contains("tidy_last_run.last_run_warning must be a duration");
        assertThat(error("{\"tidy_last_run\": {\"last_run_warning\": 99999999999999999999}}"))
                .contains("tidy_last_run.last_run_warning must be a duration");
        assertThat(error("{\"too_many_certs\": {\"count_critical\": -1}}"))
                .contains("too_many_certs.count_critical must be a whole number from 1 to 15000000");
    }

    @Test
    void malformedFilesAreRejectedNamingTheFile() throws IOException {
        assertThat(error("[]")).contains("must be a JSON object of checks");
        assertThat(error("{\"tidy_last_run\": true}")).contains("\"tidy_last_run\" must be an object of settings");
        assertThat(error("{\"tidy_last_run\": {}, \"tidy_last_run\": {}}")).contains("not valid JSON")
                .contains("Duplicate field");
        assertThat(error("{\"tidy_last_run\": {")).contains("not valid JSON").contains("line 1");
    }

    @Test
    void missingOrHugeFileIsRejectedNamingTheSetting() throws IOException {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> CliConfigFile.read(missing)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("monitor.health-checks.config-file (" + missing + "): cannot read the file");
        Path huge = Files.writeString(dir.resolve("huge.json"), " ".repeat((int) CliConfigFile.MAX_BYTES + 1));
        assertThatThrownBy(() -> CliConfigFile.read(huge)).hasMessageContaining("larger than 1 MiB");
    }

    @Test
    void controlCharactersInNamesAreNotEchoed() throws IOException {
        assertThat(error("{\"bad\\nname\\u001b[31m\": {}}")).doesNotContain("\n").doesNotContain("\u001b")
                .contains("\"bad?name?[31m\"");
    }

    @Test
    void propertiesOverrideTheFileKeyByKeyInEitherSpelling() throws IOException {
        Path file = file("{\"tidy_last_run\": {\"enabled\": false, \"last_run_warning\": \"3d\"},"
                + " \"too_many_certs\": {\"count_warning\": 10}}");
        Map<String, CheckSettings> settings = CheckSettingsResolver.resolve(CliConfigFile.read(file),
                file.toString(), Map.of("tidy-last-run", Map.of("enabled", "true"),
                        "too_many_certs.count-warning", "20"));
        assertThat(settings.get("tidy_last_run").enabled()).isTrue();
        assertThat(settings.get("tidy_last_run").duration("last_run_warning")).isEqualTo(Duration.ofDays(3));
        assertThat(settings.get("too_many_certs").integer("count_warning")).isEqualTo(20);
    }

    @Test
    void aBadPropertyIsRejectedNamingTheProperty() {
        assertThatThrownBy(() -> CheckSettingsResolver.resolve(Map.of(), "", Map.of("tidy_last_run",
                Map.of("last_run_warning", "soon")))).isInstanceOf(ConfigurationException.class)
                .hasMessage("monitor.health-checks.checks.tidy_last_run.last_run_warning must be a duration such as"
                        + " \"7d\", \"36h\" or \"200ms\" (or a whole number of seconds), was \"soon\"");
        assertThatThrownBy(() -> CheckSettingsResolver.resolve(Map.of(), "", Map.of("tidy_last_run", "true")))
                .hasMessageContaining("expected monitor.health-checks.checks.<check>.<enabled or parameter>");
        assertThatThrownBy(() -> CheckSettingsResolver.resolve(Map.of(), "", Map.of("audit_visibility",
                Map.of("ignored", List.of("csr"))))).hasMessageStartingWith(
                "monitor.health-checks.checks.audit_visibility.ignored: unknown parameter \"ignored\"");
    }
}
