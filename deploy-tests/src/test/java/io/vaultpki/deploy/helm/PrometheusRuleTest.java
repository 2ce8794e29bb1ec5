package io.vaultpki.deploy.helm;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vaultpki.deploy.helm.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor chart's PrometheusRule renders alerts/vault-pki-alerts.yml: identical with the defaults, and each alert's
 * enable flag, severity, duration and threshold change exactly that alert.
 */
class PrometheusRuleTest {

    private static final Chart CHART = Chart.MONITOR;

    @Test
    void isAbsentByDefault() {
        assertThat(CHART.render().kinds()).doesNotContain("PrometheusRule");
    }

    @Test
    void withDefaultValuesTheGroupsAreIdenticalToThePlainRuleFile() throws IOException {
        List<Object> rendered = groups(CHART.render("prometheusRule.enabled", true));

        assertThat(rendered).isEqualTo(plainGroups());
    }

    @Test
    void overridingOneAlertsThresholdAndSeverityChangesExactlyThatRule() throws IOException {
        List<Object> rendered = groups(CHART.render("prometheusRule.enabled", true,
                "prometheusRule.alerts.VaultPkiCertificateExpiring.threshold", 14,
                "prometheusRule.alerts.VaultPkiCertificateExpiring.severity", "critical",
                "prometheusRule.alerts.VaultPkiCertificateExpiring.for", "30m"));

        List<Map<String, Object>> changed = differingRules(plainGroups(), rendered);
        assertThat(changed).hasSize(1);
        Map<String, Object> rule = changed.get(0);
        assertThat(rule.get("alert")).isEqualTo("VaultPkiCertificateExpiring");
        assertThat((String) rule.get("expr")).contains(") < 14 * 86400 and");
        assertThat(rule.get("for")).isEqualTo("30m");
        assertThat((Map<String, Object>) rule.get("labels")).isEqualTo(Map.of("severity", "critical"));
        assertThat((String) at(rule, "annotations.summary")).endsWith("expires in less than 14 days");
    }

    @Test
    void theWarningBandOfIssuerExpiryEndsWhereTheCriticalThresholdStarts() {
        List<Map<String, Object>> rules = rules(groups(CHART.render("prometheusRule.enabled", true,
                "prometheusRule.alerts.VaultPkiIssuerExpiringSoon.threshold", 60,
                "prometheusRule.alerts.VaultPkiIssuerExpiringCritical.threshold", 14)));

        assertThat(rule(rules, "VaultPkiIssuerExpiringSoon").get("expr")).isEqualTo(
                "(vault_pki_issuer_not_after_timestamp_seconds - time()) < 60 * 86400 and "
                        + "(vault_pki_issuer_not_after_timestamp_seconds - time()) >= 14 * 86400");
        assertThat((String) rule(rules, "VaultPkiIssuerExpiringCritical").get("expr")).contains("< 14 * 86400");
    }

    @Test
    void disablingOneAlertRemovesOnlyThatRule() throws IOException {
        List<Map<String, Object>> rules = rules(groups(CHART.render("prometheusRule.enabled", true,
                "prometheusRule.alerts.VaultPkiCrlStale.enabled", false)));

        List<String> expected = new ArrayList<>(rules(plainGroups()).stream().map(r -> (String) r.get("alert")).toList());
        expected.remove("VaultPkiCrlStale");
        assertThat(rules).extracting(r -> r.get("alert")).containsExactlyElementsOf(expected);
    }

    @Test
    void aGroupWhoseAlertsAreAllDisabledIsLeftOut() {
        List<Object> groups = groups(CHART.render("prometheusRule.enabled", true,
                "prometheusRule.alerts.VaultPkiCertificateExpiring.enabled", false));

        assertThat(groups).extracting(g -> (Object) ((Map<?, ?>) g).get("name")).doesNotContain("vault-pki-certificates")
                .contains("vault-pki-issuers", "vault-pki-crls");
    }

    @Test
    void runbookBaseUrlPrefixesEveryRunbookAndRuleLabelsAreAdded() {
        Chart.Rendered rendered = CHART.render("prometheusRule.enabled", true,
                "prometheusRule.runbookBaseUrl", "https://git.example.com/vault-pki/blob/main/",
                "prometheusRule.additionalRuleLabels.team", "platform",
                "prometheusRule.additionalLabels.release", "kube-prometheus-stack");

        for (Map<String, Object> rule : rules(groups(rendered))) {
            assertThat((String) at(rule, "annotations.runbook_url"))
                    .isEqualTo("https://git.example.com/vault-pki/blob/main/docs/alerts.md#" + ((String) rule.get("alert")).toLowerCase());
            assertThat((Map<String, Object>) rule.get("labels")).containsEntry("team", "platform").containsKey("severity");
        }
        assertThat((Map<String, Object>) at(rendered.one("PrometheusRule"), "metadata.labels"))
                .containsEntry("release", "kube-prometheus-stack");
    }

    @Test
    void theMonitorDownJobCanBeRenamed() {
        Map<String, Object> rule = rule(rules(groups(CHART.render("prometheusRule.enabled", true,
                "prometheusRule.alerts.VaultPkiMonitorDown.job", "pki-monitor"))), "VaultPkiMonitorDown");

        assertThat(rule.get("expr")).isEqualTo("up{job=\"pki-monitor\"} == 0 or absent(up{job=\"pki-monitor\"})");
    }

    @Test
    void theRevocationFailureWindowCanBeWidenedForALongerRetryMax() {
        Map<String, Object> rule = rule(rules(groups(CHART.render("prometheusRule.enabled", true,
                "prometheusRule.alerts.VaultPkiExporterRevocationFailing.window", "1h"))), "VaultPkiExporterRevocationFailing");

        assertThat(rule.get("expr")).isEqualTo("vault_pki_exporter_pending_revocations > 0 and ignoring (outcome) "
                + "increase(vault_pki_exporter_revocations_total{outcome=\"failure\"}[1h]) > 0");
        assertThat(rule.get("for")).isEqualTo("30m");
    }

    private static List<Object> groups(Chart.Rendered rendered) {
        return at(rendered.one("PrometheusRule"), "spec.groups");
    }

    private static List<Object> plainGroups() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(Chart.REPOSITORY.resolve("alerts/vault-pki-alerts.yml")));
        return (List<Object>) file.get("groups");
    }

    private static List<Map<String, Object>> rules(List<Object> groups) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : groups) {
            rules.addAll((List<Map<String, Object>>) ((Map<?, ?>) group).get("rules"));
        }
        return rules;
    }

    private static Map<String, Object> rule(List<Map<String, Object>> rules, String alert) {
        return rules.stream().filter(r -> alert.equals(r.get("alert"))).findFirst().orElseThrow();
    }

    /** Rules of `actual` that differ from the rule of the same name in `expected`. */
    private static List<Map<String, Object>> differingRules(List<Object> expected, List<Object> actual) {
        List<Map<String, Object>> plain = rules(expected);
        List<Map<String, Object>> rendered = rules(actual);
        assertThat(rendered).extracting(r -> r.get("alert")).containsExactlyElementsOf(plain.stream().map(r -> r.get("alert")).toList());
        List<Map<String, Object>> differing = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            if (!plain.get(i).equals(rendered.get(i))) {
                differing.add(rendered.get(i));
            }
        }
        return differing;
    }
}
