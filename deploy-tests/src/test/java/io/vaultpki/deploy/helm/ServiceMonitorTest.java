package io.vaultpki.deploy.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.vaultpki.deploy.helm.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The optional Prometheus Operator ServiceMonitor of both charts. */
class ServiceMonitorTest {

    static Stream<Chart> charts() {
        return Stream.of(Chart.MONITOR, Chart.EXPORTER);
    }

    @ParameterizedTest
    @MethodSource("charts")
    void isAbsentByDefault(Chart chart) {
        assertThat(chart.render().kinds()).doesNotContain("ServiceMonitor");
    }

    @ParameterizedTest
    @MethodSource("charts")
    void scrapesMetricsOnTheServicesPortWithTheConfiguredTimingAndLabels(Chart chart) {
        Chart.Rendered rendered = chart.render("serviceMonitor.enabled", true, "serviceMonitor.interval", "30s",
                "serviceMonitor.scrapeTimeout", "5s", "serviceMonitor.labels.release", "kube-prometheus-stack");
        Map<String, Object> monitor = rendered.one("ServiceMonitor");
        List<Map<String, Object>> endpoints = at(monitor, "spec.endpoints");
        List<Map<String, Object>> servicePorts = at(rendered.one("Service"), "spec.ports");

        assertThat(endpoints).hasSize(1);
        assertThat(endpoints.get(0)).containsEntry("path", "/metrics").containsEntry("interval", "30s")
                .containsEntry("scrapeTimeout", "5s").containsEntry("port", servicePorts.get(0).get("name"))
                .doesNotContainKey("scheme");
        assertThat((Map<String, Object>) at(monitor, "metadata.labels")).containsEntry("release", "kube-prometheus-stack");
        assertThat((Map<String, Object>) at(monitor, "spec.selector.matchLabels"))
                .isEqualTo(at(rendered.one("Service"), "spec.selector"));
        assertThat((String) at(monitor, "spec.jobLabel")).isEqualTo("app.kubernetes.io/name");
        assertThat((List<String>) at(monitor, "spec.namespaceSelector.matchNames")).containsExactly(Chart.NAMESPACE);
    }

    @Test
    void theMonitorsJobLabelMatchesTheMonitorDownAlertWhateverTheReleaseName() {
        Chart.Rendered rendered = Chart.MONITOR.render(t -> t.withName("prod").set("serviceMonitor.enabled", "true")
                .set("prometheusRule.enabled", "true"));
        String jobLabel = at(rendered.one("ServiceMonitor"), "spec.jobLabel");
        Map<String, Object> serviceLabels = at(rendered.one("Service"), "metadata.labels");

        assertThat(serviceLabels.get(jobLabel)).isEqualTo("vault-pki-monitor");
        assertThat(rendered.yaml).contains("up{job=\"vault-pki-monitor\"} == 0");
    }

    @Test
    void withTlsTheMonitorIsScrapedOverHttpsWithTheGivenTlsConfig() {
        Chart.Rendered rendered = Chart.MONITOR.render(Chart.MONITOR.dir.resolve("ci/03-tls-client-auth-values.yaml"));
        Map<String, Object> endpoint = ((List<Map<String, Object>>) at(rendered.one("ServiceMonitor"), "spec.endpoints")).get(0);

        assertThat(endpoint).containsEntry("scheme", "https");
        assertThat((String) at(endpoint, "tlsConfig.keySecret.name")).isEqualTo("prometheus-scrape-client");
        assertThat((String) at(endpoint, "tlsConfig.cert.secret.key")).isEqualTo("tls.crt");
    }

    @Test
    void relabelingsArePassedThrough() {
        Chart.Rendered rendered = Chart.MONITOR.render(Chart.MONITOR.dir.resolve("ci/02-servicemonitor-prometheusrule-values.yaml"));
        Map<String, Object> endpoint = ((List<Map<String, Object>>) at(rendered.one("ServiceMonitor"), "spec.endpoints")).get(0);

        assertThat((List<Object>) endpoint.get("relabelings")).containsExactly(
                Map.of("sourceLabels", List.of("__meta_kubernetes_pod_node_name"), "targetLabel", "node"));
    }
}
