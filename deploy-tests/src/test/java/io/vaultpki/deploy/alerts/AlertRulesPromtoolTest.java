package io.vaultpki.deploy.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule file, its unit tests and the runbook's recipe, checked by promtool itself. */
class AlertRulesPromtoolTest {

    @Test
    void ruleFilePassesPromtoolCheckRules() throws Exception {
        Promtool.Result result = Promtool.run(AlertFiles.ROOT, "check", "rules", "alerts/vault-pki-alerts.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + AlertFiles.alertRules().size() + " rules found");
    }

    @Test
    void unitTestsPassPromtoolTestRules() throws Exception {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        args.addAll(AlertFiles.unitTestFiles());

        Promtool.Result result = Promtool.run(AlertFiles.ROOT, args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("FAILED");
        for (String file : AlertFiles.unitTestFiles()) {
            assertThat(result.output()).contains("Unit Testing:  " + file);
        }
    }

    @Test
    void brokenRuleCopyFailsPromtoolCheckRules(@TempDir Path dir) throws Exception {
        String rules = Files.readString(AlertFiles.RULES);
        String broken = rules.replace("expr: vault_pki_engine_up == 0", "expr: vault_pki_engine_up == == 0");
        assertThat(broken).isNotEqualTo(rules);
        Files.writeString(dir.resolve("broken.yml"), broken);

        Promtool.Result result = Promtool.run(dir, "check", "rules", "broken.yml");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("FAILED").contains("parse error");
    }

    @Test
    void wrongExpectationFailsPromtoolTestRules(@TempDir Path dir) throws Exception {
        Files.copy(AlertFiles.RULES, dir.resolve("vault-pki-alerts.yml"));
        // The engine is up, so an expected VaultPkiEngineDown must be reported as a failure.
        Files.writeString(dir.resolve("wrong_test.yml"), """
                rule_files: [vault-pki-alerts.yml]
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'vault_pki_engine_up{engine="pki/"}'
                        values: '1x20'
                    alert_rule_test:
                      - eval_time: 15m
                        alertname: VaultPkiEngineDown
                        exp_alerts:
                          - exp_labels: {severity: warning, engine: pki/}
                """);

        Promtool.Result result = Promtool.run(dir, "test", "rules", "wrong_test.yml");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("FAILED").contains("alertname: VaultPkiEngineDown");
    }

    @Test
    void runbookRecipeOnVaultIssuerValiditySecondsPassesPromtoolCheckRules(@TempDir Path dir) throws Exception {
        Matcher recipe = Pattern.compile("## Recipe: alerting on `vault_issuer_validity_seconds`.*?```yaml\\n(.*?)```",
                Pattern.DOTALL).matcher(Files.readString(AlertFiles.RUNBOOK));
        assertThat(recipe.find()).as("a yaml rule block in the recipe section of docs/alerts.md").isTrue();
        assertThat(recipe.group(1)).contains("vault_issuer_validity_seconds");
        Files.writeString(dir.resolve("recipe.yml"), recipe.group(1));

        Promtool.Result result = Promtool.run(dir, "check", "rules", "recipe.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 3 rules found");
    }
}
