package io.vaultpki.deploy.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.vaultpki.deploy.helm.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A values file written for the original Python chart, vault-prometheus-exporter, installs the monitor chart
 * unchanged (ci/08-vault-prometheus-exporter-values.yaml): each of that chart's values is mapped or used as
 * written, the schema accepts them, and NOTES.txt says what was mapped.
 */
class VaultPrometheusExporterValuesTest {

    private static final Chart CHART = Chart.MONITOR;
    private static final Path ORIGINAL = CHART.dir.resolve("ci/08-vault-prometheus-exporter-values.yaml");

    private final Chart.Rendered rendered = CHART.render(ORIGINAL);

    @Test
    void theEnvListReachesTheContainerAsWrittenAndWinsOverGeneratedVariables() {
        List<Map<String, Object>> env = at(rendered.container(), "env");
        assertThat(env).containsSubsequence(
                Map.of("name", "VAULT_ADDR", "value", "https://vault.example.com:8200"),
                Map.of("name", "VAULT_ROLE", "value", "vault-prometheus-exporter"),
                Map.of("name", "VAULT_MOUNT_POINT", "value", "kubernetes-prod"));
        assertThat(env).extracting(e -> e.get("name")).doesNotHaveDuplicates();
        assertThat(rendered.envValue("VAULT_AUTH_METHOD")).isEqualTo("kubernetes");
    }

    @Test
    void theOriginalChartsPythonImageBecomesTheMonitorImageAtTheChartsAppVersion() {
        assertThat((String) rendered.container().get("image")).isEqualTo("ghcr.io/vault-pki/vault-pki-monitor:0.1.0");
        assertThat(rendered.container()).containsEntry("imagePullPolicy", "IfNotPresent");
        assertThat((List<Object>) at(rendered.one("Deployment"), "spec.template.spec.imagePullSecrets"))
                .containsExactly(Map.of("name", "ghcr-pull"));
    }

    @Test
    void portIsTheContainerPortAndTheServiceKeepsItsPortAndType() {
        assertThat((List<Object>) at(rendered.container(), "ports"))
                .containsExactly(Map.of("name", "http", "containerPort", 8080, "protocol", "TCP"));
        assertThat(rendered.envValue("MONITOR_PORT")).isEqualTo("8080");
        Map<String, Object> service = rendered.one("Service");
        assertThat((String) at(service, "spec.type")).isEqualTo("ClusterIP");
        assertThat((List<Object>) at(service, "spec.ports"))
                .containsExactly(Map.of("name", "metrics", "port", 8080, "targetPort", "http", "protocol", "TCP"));
    }

    @Test
    void anotherPortMovesTheContainerPortAndMonitorPortTogether() {
        Chart.Rendered moved = CHART.render(ORIGINAL, "port", 9090, "livenessProbe.httpGet.port", 9090,
                "readinessProbe.httpGet.port", 9090);
        assertThat((List<Map<String, Object>>) at(moved.container(), "ports")).extracting(p -> p.get("containerPort"))
                .containsExactly(9090);
        assertThat(moved.envValue("MONITOR_PORT")).isEqualTo("9090");
    }

    @Test
    void theFullProbeSpecsOnStatusAreUsedWithTheTimingsTheOriginalNestedUnderHttpGetMovedUp() {
        Map<String, Object> liveness = at(rendered.container(), "livenessProbe");
        assertThat(liveness).containsEntry("httpGet", Map.of("path", "/status", "port", 8080))
                .containsEntry("periodSeconds", 60).containsEntry("timeoutSeconds", 30)
                .containsEntry("failureThreshold", 3);
        Map<String, Object> readiness = at(rendered.container(), "readinessProbe");
        assertThat(readiness).containsEntry("httpGet", Map.of("path", "/status", "port", 8080));
        // the start-up probe stays on /health/liveness: the JVM's start is not a Vault outage
        assertThat((String) at(rendered.container(), "startupProbe.httpGet.path")).isEqualTo("/health/liveness");
    }

    @Test
    void withTimingsOnlyTheChartsOwnProbesRemain() {
        Map<String, Object> liveness = at(CHART.render().container(), "livenessProbe");
        assertThat(liveness).isEqualTo(Map.of("httpGet", Map.of("path", "/health/liveness", "port", "http"),
                "periodSeconds", 10, "timeoutSeconds", 2, "failureThreshold", 3));
        Map<String, Object> readiness = at(CHART.render("readinessProbe.periodSeconds", 30).container(), "readinessProbe");
        assertThat(readiness).containsEntry("httpGet", Map.of("path", "/health/readiness", "port", "http"))
                .containsEntry("periodSeconds", 30);
    }

    @Test
    void serviceAccountPodAndSecurityValuesMergeWithTheChartsSecureDefaults() {
        assertThat((Map<String, Object>) at(rendered.one("ServiceAccount"), "metadata.annotations"))
                .containsEntry("example.com/owner", "platform-team");
        Map<String, Object> pod = at(rendered.one("Deployment"), "spec.template");
        assertThat((Map<String, Object>) at(pod, "metadata.annotations")).containsEntry("prometheus.io/scrape", "true");
        assertThat((Map<String, Object>) at(pod, "metadata.labels")).containsEntry("team", "platform");
        assertThat((Map<String, Object>) at(pod, "spec.securityContext")).containsEntry("fsGroup", 2000)
                .containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 65532);
        assertThat((Map<String, Object>) at(rendered.container(), "securityContext")).containsEntry("privileged", false)
                .containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
        assertThat((Map<String, Object>) at(rendered.container(), "resources"))
                .isEqualTo(Map.of("limits", Map.of("cpu", "200m", "memory", "384Mi"),
                        "requests", Map.of("cpu", "100m", "memory", "256Mi")));
    }

    @Test
    void replicasAndSchedulingAreUsedAsWritten() {
        Map<String, Object> deployment = rendered.one("Deployment");
        assertThat((Integer) at(deployment, "spec.replicas")).isEqualTo(1);
        assertThat((Map<String, Object>) at(deployment, "spec.template.spec.nodeSelector"))
                .isEqualTo(Map.of("kubernetes.io/os", "linux"));
        assertThat((List<Object>) at(deployment, "spec.template.spec.tolerations")).hasSize(1);
        assertThat((Map<String, Object>) at(deployment, "spec.template.spec.affinity")).containsKey("nodeAffinity");
    }

    @Test
    void theOriginalChartsDefaultOfNoServiceIsHonouredAndTheServiceMonitorSaysItNeedsOne() {
        Chart.Rendered noService = CHART.render(ORIGINAL, "service.enabled", false);
        assertThat(noService.has("Service")).isFalse();
        assertThat(noService.has("Deployment")).isTrue();
        assertThatThrownBy(() -> CHART.render(ORIGINAL, "service.enabled", false, "serviceMonitor.enabled", true))
                .hasMessageContaining("serviceMonitor.enabled needs service.enabled");
    }

    @Test
    void theOriginalChartsEmptyDefaultsKeepTheChartsOwn() {
        // the original chart's defaults: empty contexts, resources and readiness probe, empty env values
        Chart.Rendered defaults = CHART.render("podSecurityContext.fsGroup", null, "resources.limits", null,
                "env[0].name", "VAULT_ADDR", "env[0].value", "", "port", 8080, "service.enabled", false);
        assertThat((Map<String, Object>) at(defaults.container(), "securityContext")).containsEntry("readOnlyRootFilesystem", true);
        assertThat((String) at(defaults.container(), "readinessProbe.httpGet.path")).isEqualTo("/health/readiness");
        assertThat(CHART.notes(null, "env[0].name", "VAULT_ADDR", "env[0].value", ""))
                .contains("WARNING: vault.address is empty");
    }

    @Test
    void notesSayWhatWasMappedAndWhatMaySurprise() {
        String notes = CHART.notes(ORIGINAL);
        assertThat(notes).contains("Values of the original vault-prometheus-exporter chart")
                .contains("image.repository is the Python exporter's image (ghcr.io/dbschenker/vault-prometheus-exporter): "
                        + "this chart runs ghcr.io/vault-pki/vault-pki-monitor:0.1.0 instead")
                .contains("port (the original chart's name) is deprecated: it sets the container port and MONITOR_PORT "
                        + "to 8080. Rename it to service.targetPort.")
                .contains("livenessProbe.httpGet holds periodSeconds, timeoutSeconds, which Kubernetes ignores there")
                .contains("livenessProbe checks /status, which answers 500 (NOK) while Vault is unreachable")
                // the role and mount the container really uses: the env list's
                .contains("role vault-prometheus-exporter at auth/kubernetes-prod")
                .contains("vault write auth/kubernetes-prod/role/vault-prometheus-exporter")
                .doesNotContain("WARNING: vault.address is empty");
        assertThat(CHART.notes(null)).doesNotContain("original vault-prometheus-exporter chart");
    }

    @Test
    void notesWarnAboutAMemoryLimitSizedForThePythonExporter() {
        assertThat(CHART.notes(ORIGINAL, "resources.limits.memory", "128Mi"))
                .contains("WARNING: resources.limits.memory 128Mi was enough for the Python exporter; the JVM needs at least 192Mi");
        assertThat(CHART.notes(ORIGINAL, "resources.limits.memory", "192Mi")).doesNotContain("resources.limits.memory");
    }

    static Stream<Chart> charts() {
        return Stream.of(Chart.MONITOR, Chart.EXPORTER);
    }

    @ParameterizedTest
    @MethodSource("charts")
    void aRepositoryThatNamesItsRegistryIsNotPrefixedTwice(Chart chart) {
        assertThat((String) chart.render("image.repository", "registry.example.com/mirror/" + chart.name).container()
                .get("image")).isEqualTo("registry.example.com/mirror/" + chart.name + ":0.1.0");
        assertThat((String) chart.render("image.repository", "localhost:5000/" + chart.name, "image.tag", "dev")
                .container().get("image")).isEqualTo("localhost:5000/" + chart.name + ":dev");
        assertThat((String) chart.render("image.repository", "ghcr.io/vault-pki/" + chart.name).container().get("image"))
                .isEqualTo("ghcr.io/vault-pki/" + chart.name + ":0.1.0");
        // a repository without a registry still gets image.registry
        assertThat((String) chart.render("image.repository", "team/" + chart.name).container().get("image"))
                .isEqualTo("ghcr.io/team/" + chart.name + ":0.1.0");
    }

    @Test
    void aMirroredPythonImageIsKeptAndNotesWarn() {
        Chart.Rendered mirrored = CHART.render(ORIGINAL, "image.repository", "registry.example.com/mirror/vault-prometheus-exporter",
                "image.tag", "1.4.0");
        assertThat((String) mirrored.container().get("image")).isEqualTo("registry.example.com/mirror/vault-prometheus-exporter:1.4.0");
        assertThat(CHART.notes(ORIGINAL, "image.repository", "registry.example.com/mirror/vault-prometheus-exporter"))
                .contains("WARNING: image.repository registry.example.com/mirror/vault-prometheus-exporter looks like the "
                        + "Python vault-prometheus-exporter");
    }
}
