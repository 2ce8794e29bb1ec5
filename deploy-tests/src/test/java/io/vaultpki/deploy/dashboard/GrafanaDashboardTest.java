package io.vaultpki.deploy.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaultpki.deploy.alerts.Promtool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard shipped with the monitor chart (and loaded by the Grafana sidecar): valid JSON, portable
 * across Grafana instances (datasource only through the variable), and every query on metrics the apps expose.
 */
class GrafanaDashboardTest {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path DASHBOARD = ROOT.resolve("charts/vault-pki-monitor/dashboards/vault-pki.json");
    static final String DATASOURCE_VARIABLE = "${datasource}";

    static JsonNode dashboard;

    @BeforeAll
    static void parse() throws Exception {
        dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    }

    /** Panels with queries, including those nested in collapsed rows. */
    static List<JsonNode> queryPanels() throws Exception {
        parse();
        return allPanels().stream().filter(p -> !p.path("type").asText().equals("row")).toList();
    }

    static List<String> expressions() throws Exception {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : queryPanels()) {
            panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
        }
        return exprs;
    }

    @Test
    void dashboardIsAnObjectWithUidTitleAndCurrentSchema() {
        assertThat(dashboard.isObject()).isTrue();
        assertThat(dashboard.path("uid").asText()).isEqualTo("vault-pki");
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
        assertThat(dashboard.path("id").isNull()).as("id null: Grafana assigns it on import").isTrue();
    }

    @Test
    void panelIdsAreUnique() {
        List<Integer> ids = allPanels().stream().map(p -> p.path("id").asInt(-1)).toList();

        assertThat(ids).doesNotContain(-1).doesNotHaveDuplicates();
    }

    @Test
    void panelsFitTheGridWithoutOverlapping() {
        List<int[]> boxes = allPanels().stream().map(p -> {
            JsonNode g = p.path("gridPos");
            return new int[] {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
        }).toList();

        for (int i = 0; i < boxes.size(); i++) {
            int[] a = boxes.get(i);
            assertThat(a[2]).isPositive();
            assertThat(a[3]).isPositive();
            assertThat(a[0] + a[2]).as("panel %d ends within 24 columns", i).isLessThanOrEqualTo(24);
            for (int j = i + 1; j < boxes.size(); j++) {
                int[] b = boxes.get(j);
                boolean overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
                assertThat(overlap).as("panels %d and %d overlap", i, j).isFalse();
            }
        }
    }

    @Test
    void datasourceIsAPrometheusTemplateVariable() {
        JsonNode variable = variable("datasource");

        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.path("query").asText()).isEqualTo("prometheus");
    }

    @Test
    void engineVariableListsTheEnginesOfTheIssuerMetric() {
        JsonNode variable = variable("engine");

        assertThat(variable.path("type").asText()).isEqualTo("query");
        assertThat(variable.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE_VARIABLE);
        assertThat(variable.path("definition").asText())
                .isEqualTo("label_values(vault_pki_issuer_not_after_timestamp_seconds, engine)");
        assertThat(variable.path("query").path("query").asText()).isEqualTo(variable.path("definition").asText());
    }

    @ParameterizedTest
    @MethodSource("queryPanels")
    void panelAndItsQueriesUseTheDatasourceVariable(JsonNode panel) {
        assertThat(panel.path("datasource").path("type").asText()).isEqualTo("prometheus");
        assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE_VARIABLE);
        assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
            assertThat(target.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE_VARIABLE);
            assertThat(target.path("expr").asText()).isNotBlank();
        }
    }

    @Test
    void noDatasourceUidIsHardCoded() {
        List<String> offenders = new ArrayList<>();
        walk(dashboard, "", offenders);

        assertThat(offenders).isEmpty();
        assertThat(dashboard.has("__inputs")).as("no grafana.com import placeholders: the sidecar cannot fill them").isFalse();
    }

    @ParameterizedTest
    @MethodSource("expressions")
    void expressionOnlyUsesMetricsTheAppsExpose(String expr) {
        Set<String> known = KnownMetrics.all(ROOT);

        assertThat(PromQlNames.metricNames(expr)).isNotEmpty().isSubsetOf(known);
    }

    @Test
    void knownMetricsComeFromBothAppsDocsAndCode() {
        assertThat(KnownMetrics.all(ROOT)).contains("vault_issuer_validity_seconds",
                "vault_pki_refresh_duration_seconds_bucket", "vault_pki_exporter_exports_total",
                "vault_pki_exporter_export_duration_seconds_count", "vault_pki_exporter_certificate_info",
                "vault_pki_exporter_consecutive_failures", "vault_pki_exporter_api_requests_total", "vault_pki_issuer_info",
                "vault_pki_exporter_pending_revocations", "vault_pki_exporter_revocations_total")
                .doesNotContain("vault_pki_refresh_duration_seconds", "vault_pki_exporter_exports", "engine", "permission_denied");
    }

    @Test
    void everyVariableUsedIsDefinedOrBuiltIn() throws Exception {
        Set<String> defined = Set.of("datasource", "engine");
        Pattern use = Pattern.compile("\\$\\{?(\\w+)");

        for (String expr : expressions()) {
            Matcher m = use.matcher(expr);
            while (m.find()) {
                assertThat(m.group(1)).as(expr).matches(name -> defined.contains(name) || name.startsWith("__"),
                        "a defined variable or a Grafana built-in");
            }
        }
    }

    @Test
    void everyExpressionParsesWithPromtool(@TempDir Path dir) throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int n = 0;
        for (String expr : expressions()) {
            String concrete = expr.replace("$__rate_interval", "5m").replace("$engine", ".*");
            rules.append("      - record: dashboard:expr_").append(n++).append('\n')
                    .append("        expr: '").append(concrete.replace("'", "''")).append("'\n");
        }
        Files.writeString(dir.resolve("dashboard-rules.yml"), rules);

        Promtool.Result result = Promtool.run(dir, "check", "rules", "dashboard-rules.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + n + " rules found");
    }

    @Test
    void timeLeftPerIssuerIsATableSortedSoonestFirst() {
        JsonNode table = panelUsing("table", "vault_pki_issuer_not_after_timestamp_seconds");

        assertThat(table.path("targets").get(0).path("expr").asText()).contains("- time()");
        assertThat(table.path("targets").get(0).path("instant").asBoolean()).isTrue();
        JsonNode sort = StreamSupport.stream(table.path("transformations").spliterator(), false)
                .filter(t -> t.path("id").asText().equals("sortBy")).findFirst().orElseThrow();
        assertThat(sort.path("options").path("sort").get(0).path("desc").asBoolean()).isFalse();
        assertThat(table.path("fieldConfig").path("defaults").path("unit").asText()).isEqualTo("s");
    }

    @Test
    void timeLeftPerIssuerHasATimeline() {
        JsonNode timeline = panelUsing("state-timeline", "vault_pki_issuer_not_after_timestamp_seconds");

        assertThat(timeline.path("targets").get(0).path("expr").asText()).contains("- time()");
        assertThat(timeline.path("targets").get(0).path("instant").asBoolean(false)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "vault_pki_certificates_expiring",
            "vault_pki_crl_next_update_timestamp_seconds",
            "vault_pki_monitor_up",
            "vault_pki_engine_up",
            "vault_pki_refresh_duration_seconds_bucket",
            "vault_pki_refresh_errors_total",
            "vault_pki_last_refresh_success_timestamp_seconds",
            "vault_pki_exporter_exports_total",
            "vault_pki_exporter_certificate_not_after_timestamp_seconds",
            "vault_pki_exporter_consecutive_failures",
            "vault_pki_exporter_hook_runs_total",
            "vault_pki_exporter_pending_revocations",
            "vault_pki_exporter_revocations_total",
            "vault_pki_health_check_status",
            "vault_pki_health_check_results",
            "vault_pki_tidy_last_finished_timestamp_seconds",
            "vault_pki_tidy_stored_certificates",
            "vault_pki_tidy_stored_revoked_certificates",
            "vault_pki_tidy_deleted_certificates"})
    void dashboardShows(String metric) throws Exception {
        assertThat(expressions()).anySatisfy(expr -> assertThat(PromQlNames.metricNames(expr)).contains(metric));
    }

    @Test
    void healthChecksAreATableOfTheCurrentStatusPerEngineAndCheck() {
        JsonNode table = panelUsing("table", "vault_pki_health_check_status");
        JsonNode status = table.path("targets").get(0);

        // "== 1": one row per engine and check, its current status; the 0 series of the other statuses are left out
        assertThat(status.path("expr").asText()).contains("by (engine, check, status)").endsWith("== 1");
        assertThat(status.path("instant").asBoolean()).isTrue();
        assertThat(table.path("transformations").toString()).contains("\"check\":\"Check\"")
                .contains("\"status\":\"Status\"");
    }

    @Test
    void storeGrowthIsATimeSeries() {
        JsonNode growth = panelUsing("timeseries", "vault_pki_tidy_stored_certificates");

        assertThat(growth.path("targets").get(0).path("range").asBoolean()).isTrue();
    }

    @Test
    void exportAttemptsAreSplitByOutcome() throws Exception {
        assertThat(expressions()).contains(
                "sum by (outcome) (rate(vault_pki_exporter_exports_total[$__rate_interval]))");
    }

    private static JsonNode panelUsing(String type, String metric) {
        return allPanels().stream()
                .filter(p -> p.path("type").asText().equals(type))
                .filter(p -> StreamSupport.stream(p.path("targets").spliterator(), false)
                        .anyMatch(t -> PromQlNames.metricNames(t.path("expr").asText()).contains(metric)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " panel on " + metric));
    }

    private static JsonNode variable(String name) {
        return StreamSupport.stream(dashboard.path("templating").path("list").spliterator(), false)
                .filter(v -> v.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no template variable " + name));
    }

    private static List<JsonNode> allPanels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** Every datasource reference is the variable, or Grafana's built-in annotation source. */
    private static void walk(JsonNode node, String path, List<String> offenders) {
        if (node.isObject()) {
            JsonNode ds = node.get("datasource");
            if (ds != null) {
                boolean builtIn = ds.path("type").asText().equals("grafana") && ds.path("uid").asText().equals("-- Grafana --");
                boolean variable = ds.isObject() ? ds.path("uid").asText().equals(DATASOURCE_VARIABLE)
                        : ds.asText().equals(DATASOURCE_VARIABLE);
                if (!builtIn && !variable) {
                    offenders.add(path + "/datasource = " + ds);
                }
            }
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "/" + e.getKey(), offenders));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, offenders);
            }
        }
    }
}
