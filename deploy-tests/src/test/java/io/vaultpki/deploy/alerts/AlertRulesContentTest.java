package io.vaultpki.deploy.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What on-call needs from every alert: annotations, a severity, a runbook section, and unit tests that cover it. */
class AlertRulesContentTest {

    static List<String> alertNames() {
        return AlertFiles.alertNames();
    }

    @Test
    void alertNamesAreUnique() {
        assertThat(AlertFiles.alertNames()).isNotEmpty().doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("alertNames")
    @SuppressWarnings("unchecked")
    void alertHasSummaryDescriptionRunbookAndSeverity(String alert) {
        Map<String, Object> rule = rule(alert);
        Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
        Map<String, String> labels = (Map<String, String>) rule.get("labels");

        assertThat(annotations).containsKeys("summary", "description", "runbook_url");
        assertThat(annotations.get("summary")).isNotBlank();
        // more than a restated summary: what happened, then what to check (at least two sentences)
        assertThat(annotations.get("description")).hasSizeGreaterThan(annotations.get("summary").length())
                .containsPattern("\\. \\p{Upper}");
        assertThat(annotations.get("runbook_url")).isEqualTo("docs/alerts.md#" + alert.toLowerCase(Locale.ROOT));
        assertThat(labels.get("severity")).isIn("warning", "critical");
    }

    @ParameterizedTest
    @MethodSource("alertNames")
    void alertHasARunbookSectionInDocs(String alert) throws Exception {
        List<String> headings = Files.readAllLines(AlertFiles.RUNBOOK).stream()
                .filter(line -> line.startsWith("## "))
                .map(line -> line.substring(3).strip())
                .toList();

        // GitHub's anchor of "## VaultPkiX" is "#vaultpkix", the runbook_url's fragment.
        assertThat(headings).contains(alert);
    }

    @ParameterizedTest
    @MethodSource("alertNames")
    void alertHasAUnitTestThatExpectsItToFire(String alert) {
        assertThat(testsOf(alert).stream().filter(t -> !expectedAlerts(t).isEmpty()))
                .as("alert_rule_test entries for %s with a non-empty exp_alerts", alert)
                .isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("alertNames")
    void alertHasAUnitTestThatExpectsItToStayQuiet(String alert) {
        assertThat(testsOf(alert).stream().filter(t -> expectedAlerts(t).isEmpty()))
                .as("alert_rule_test entries for %s with an empty exp_alerts (below threshold or within `for`)", alert)
                .isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("alertNames")
    @SuppressWarnings("unchecked")
    void firingExpectationsCarryTheAlertsSeverity(String alert) {
        String severity = ((Map<String, String>) rule(alert).get("labels")).get("severity");

        for (Map<String, Object> test : testsOf(alert)) {
            for (Map<String, Object> expected : expectedAlerts(test)) {
                assertThat(((Map<String, Object>) expected.get("exp_labels")).get("severity")).isEqualTo(severity);
            }
        }
    }

    @Test
    void everyUnitTestNamesAnExistingAlert() {
        Set<String> tested = AlertFiles.alertRuleTests().stream()
                .map(t -> (String) t.get("alertname"))
                .collect(Collectors.toSet());

        assertThat(AlertFiles.alertNames()).containsAll(tested);
    }

    private static Map<String, Object> rule(String alert) {
        return AlertFiles.alertRules().stream().filter(r -> alert.equals(r.get("alert"))).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> testsOf(String alert) {
        return AlertFiles.alertRuleTests().stream().filter(t -> alert.equals(t.get("alertname"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> expectedAlerts(Map<String, Object> test) {
        Object expected = test.get("exp_alerts");
        return expected == null ? List.of() : (List<Map<String, Object>>) expected;
    }
}
