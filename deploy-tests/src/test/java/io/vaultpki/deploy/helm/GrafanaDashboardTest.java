package io.vaultpki.deploy.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.vaultpki.deploy.helm.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The optional Grafana dashboard ConfigMap the Grafana sidecar picks up by label. */
class GrafanaDashboardTest {

    private static final Chart CHART = Chart.MONITOR;
    private static final Path DASHBOARD = CHART.dir.resolve("dashboards/vault-pki.json");

    @Test
    void isAbsentByDefault() {
        assertThat(CHART.render().kinds()).doesNotContain("ConfigMap");
    }

    @Test
    void carriesTheSidecarLabelTheFolderAnnotationAndTheDashboardJson() throws IOException {
        // The dashboard file is written by the ops work and merged beside the chart; until then there is nothing to ship.
        assumeTrue(Files.exists(DASHBOARD), "charts/vault-pki-monitor/dashboards/vault-pki.json is not in this branch");
        Chart.Rendered rendered = CHART.render("grafanaDashboard.enabled", true, "grafanaDashboard.folder", "PKI",
                "grafanaDashboard.sidecarLabel", "grafana_dashboard_pki", "grafanaDashboard.sidecarLabelValue", "yes");
        Map<String, Object> configMap = rendered.one("ConfigMap");

        assertThat((Map<String, Object>) at(configMap, "metadata.labels")).containsEntry("grafana_dashboard_pki", "yes");
        assertThat((Map<String, Object>) at(configMap, "metadata.annotations")).containsEntry("grafana_folder", "PKI");
        Map<String, Object> data = at(configMap, "data");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree((String) data.get("vault-pki.json"))).isEqualTo(json.readTree(DASHBOARD.toFile()));
    }

    @Test
    void defaultsToTheGrafanaChartsSidecarLabel() {
        assumeTrue(Files.exists(DASHBOARD), "charts/vault-pki-monitor/dashboards/vault-pki.json is not in this branch");
        Map<String, Object> configMap = CHART.render("grafanaDashboard.enabled", true).one("ConfigMap");

        assertThat((Map<String, Object>) at(configMap, "metadata.labels")).containsEntry("grafana_dashboard", "1");
        assertThat((Map<String, Object>) at(configMap, "metadata.annotations")).isNull();
    }
}
