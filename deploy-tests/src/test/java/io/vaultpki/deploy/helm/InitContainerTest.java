package io.vaultpki.deploy.helm;

import com.marcnuri.helm.Helm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.vaultpki.deploy.helm.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One-shot mode of the exporter chart (`initContainer.enabled`): the exporter runs `--once` as an init container of
 * an app's pod, into the pod's own volume, and is not a service. Rendered from ci/05-init-container-values.yaml, from
 * an umbrella chart that includes the named templates, and with the mode off (which must render as before).
 */
class InitContainerTest {

    private static final Chart CHART = Chart.EXPORTER;
    private static final Path INIT_VALUES = CHART.dir.resolve("ci/05-init-container-values.yaml");

    private static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return at(deployment, "spec.template.spec");
    }

    private static Map<String, Object> initContainer(Chart.Rendered rendered) {
        List<Map<String, Object>> init = at(podSpec(rendered.one("Deployment")), "initContainers");
        assertThat(init).hasSize(1);
        return init.get(0);
    }

    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> entries) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        (entries == null ? List.<Map<String, Object>>of() : entries).forEach(e -> out.put((String) e.get("name"), e));
        return out;
    }

    @Test
    void oneShotModeRendersNoExporterServiceButTheExampleAppWithItsConfigAndServiceAccount() {
        Chart.Rendered rendered = CHART.render(INIT_VALUES);

        // serviceMonitor and networkPolicy are enabled in the scenario: one-shot mode has no port to scrape or guard
        assertThat(rendered.kinds()).containsExactlyInAnyOrder("ServiceAccount", "ConfigMap", "Deployment");
        Map<String, Object> app = rendered.one("Deployment");
        assertThat((String) at(app, "metadata.name")).isEqualTo("vault-pki-exporter-app");
        assertThat((Map<String, Object>) at(app, "spec.selector.matchLabels"))
                .containsEntry("app.kubernetes.io/component", "app");
        assertThat((String) at(podSpec(app), "serviceAccountName")).isEqualTo("vault-pki-exporter");
        assertThat((String) at(app, "spec.template.metadata.annotations.checksum/config")).hasSize(64);
    }

    @Test
    void theInitContainerRunsOnceForTheSelectedExportsAndOpensNoPort() {
        Map<String, Object> init = initContainer(CHART.render(INIT_VALUES));

        assertThat(init).containsEntry("name", "vault-pki-exporter")
                .containsEntry("image", "ghcr.io/vault-pki/vault-pki-exporter:0.1.0")
                .doesNotContainKeys("command", "ports", "livenessProbe", "readinessProbe", "startupProbe");
        // the image's ENTRYPOINT is java ... -jar /app/app.jar: the args are the exporter's own
        assertThat((List<String>) init.get("args")).containsExactly("--once", "--export", "web");
    }

    @Test
    void withoutExportNamesTheInitContainerBringsEveryExportUpToDate() {
        Map<String, Object> init = initContainer(CHART.render(INIT_VALUES, "initContainer.exports", "null"));

        assertThat((List<String>) init.get("args")).containsExactly("--once");
    }

    @Test
    void theInitContainerHasTheServicesEnvironmentWithoutThePort() {
        Chart.Rendered oneShot = CHART.render(INIT_VALUES);
        Chart.Rendered service = CHART.render(INIT_VALUES, "initContainer.enabled", false, "exporter.api.tokens", "null");

        Map<String, Map<String, Object>> env = byName(at(initContainer(oneShot), "env"));
        Map<String, Map<String, Object>> expected = new LinkedHashMap<>(service.env());
        expected.remove("EXPORTER_PORT");
        assertThat(env).isEqualTo(expected);
        assertThat(env).containsKeys("VAULT_ADDR", "VAULT_CACERT", "VAULT_AUTH_METHOD", "VAULT_ROLE", "MICRONAUT_CONFIG_FILES",
                "EXPORTER_FILES_PKCS12_PASSWORD_FILE").doesNotContainKey("EXPORTER_PORT");
        assertThat(env.get("CERT_EXPORT_PATH")).containsEntry("value", "/certs");
    }

    @Test
    void theInitContainerWritesIntoThePodsVolumeWhichTheAppReadsReadOnly() {
        Chart.Rendered rendered = CHART.render(INIT_VALUES);
        Map<String, Object> pod = podSpec(rendered.one("Deployment"));

        Map<String, Map<String, Object>> initMounts = byName(at(initContainer(rendered), "volumeMounts"));
        assertThat(initMounts.get("certs")).containsEntry("mountPath", "/certs").doesNotContainKey("readOnly");
        List<Map<String, Object>> containers = at(pod, "containers");
        assertThat(containers).hasSize(1);
        assertThat(containers.get(0)).containsEntry("name", "app").containsEntry("image", "nginxinc/nginx-unprivileged:1.27");
        assertThat(byName(at(containers.get(0), "volumeMounts")).get("certs"))
                .containsEntry("mountPath", "/etc/nginx/certs").containsEntry("readOnly", true);
        // the keys live in memory, not on the node's disk, and only as long as the pod
        assertThat(byName(at(pod, "volumes")).get("certs"))
                .containsEntry("emptyDir", Map.of("medium", "Memory", "sizeLimit", "16Mi"));
    }

    @Test
    void everyMountOfTheInitContainerHasAVolumeAndTheChartsOwnVolumesArePrefixed() {
        Chart.Rendered rendered = CHART.render(INIT_VALUES);
        Map<String, Map<String, Object>> volumes = byName(at(podSpec(rendered.one("Deployment")), "volumes"));
        Map<String, Map<String, Object>> mounts = byName(at(initContainer(rendered), "volumeMounts"));

        assertThat(volumes.keySet()).containsAll(mounts.keySet());
        assertThat(volumes.keySet()).containsExactlyInAnyOrder("certs", "vault-pki-exporter-tmp",
                "vault-pki-exporter-config", "vault-pki-exporter-files", "vault-pki-exporter-vault-ca");
        assertThat(mounts.get("vault-pki-exporter-tmp")).containsEntry("mountPath", "/tmp");
        assertThat(mounts.get("vault-pki-exporter-config")).containsEntry("mountPath", "/etc/vault-pki-exporter/config")
                .containsEntry("readOnly", true);
        assertThat(mounts.get("vault-pki-exporter-vault-ca")).containsEntry("mountPath", "/etc/vault-pki/vault-ca");
        assertThat((String) at(volumes.get("vault-pki-exporter-config"), "configMap.name"))
                .isEqualTo(at(rendered.one("ConfigMap"), "metadata.name"));
    }

    @Test
    void theInitContainerIsLockedDownLikeTheServiceAndSizedLikeIt() {
        Chart.Rendered rendered = CHART.render(INIT_VALUES);
        Map<String, Object> init = initContainer(rendered);

        assertThat((Map<String, Object>) init.get("securityContext")).containsEntry("runAsNonRoot", true)
                .containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
        assertThat((Map<String, Object>) at(podSpec(rendered.one("Deployment")), "securityContext"))
                .containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 65532)
                .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
        assertThat((Map<String, Object>) init.get("resources")).containsEntry("limits", Map.of("memory", "192Mi"));

        Map<String, Object> own = initContainer(CHART.render(INIT_VALUES, "initContainer.resources.limits.memory", "256Mi"));
        assertThat((Map<String, Object>) own.get("resources")).isEqualTo(Map.of("limits", Map.of("memory", "256Mi")));
    }

    @Test
    void oneShotModeHasNoApiSoItsTokensAreNeitherConfiguredNorMounted() {
        Chart.Rendered rendered = CHART.render(INIT_VALUES);
        Map<String, Object> config = new Yaml().load((String) ((Map<String, Object>) at(rendered.one("ConfigMap"), "data"))
                .get("application.yml"));

        assertThat((Map<String, Object>) at(config, "exporter")).containsOnlyKeys("exports");
        assertThat((Map<String, Object>) at(config, "exporter.exports")).containsOnlyKeys("web", "root-ca");
        assertThat(rendered.yaml).doesNotContain("api-tokens", "deployer.sha256");
    }

    @Test
    void withoutAnAppImageOnlyTheConfigurationAndServiceAccountAreRenderedForAnAppChartToInclude() {
        Chart.Rendered rendered = CHART.render(INIT_VALUES, "initContainer.app.image", "");

        assertThat(rendered.kinds()).containsExactlyInAnyOrder("ServiceAccount", "ConfigMap");
        assertThat(CHART.notes(INIT_VALUES, "initContainer.app.image", ""))
                .contains("--once --export web")
                .contains("include \"vault-pki-exporter.initContainer\" (index .Subcharts \"vault-pki-exporter\")")
                .doesNotContain("port-forward");
    }

    @Test
    void theNotesOfTheExampleSayHowToReadTheInitContainersLog() {
        assertThat(CHART.notes(INIT_VALUES))
                .contains("One-shot mode (initContainer.enabled): no exporter service, port or API")
                .contains("logs deployment/vault-pki-exporter-app -c vault-pki-exporter")
                .doesNotContain("port-forward", "/metrics answer");
    }

    @Test
    void anUmbrellaChartPutsTheInitContainerIntoItsOwnPod(@TempDir Path tmp) throws IOException {
        Path umbrella = umbrellaChart(tmp, """
                vault-pki-exporter:
                  initContainer:
                    enabled: true
                    volumeName: tls
                  serviceAccount:
                    create: false
                    name: shop
                  vault:
                    address: https://vault.example.com:8200
                  exporter:
                    path: /tls
                    exports:
                      shop:
                        source: issue
                        mount: pki_int
                        role: shop
                        common-name: shop.example.com
                """);

        Chart.Rendered rendered = new Chart.Rendered(new Helm(umbrella).template().withName("shop")
                .withNamespace(Chart.NAMESPACE).withKubeVersion(Chart.KUBE_VERSION).call());

        assertThat(rendered.kinds()).containsExactlyInAnyOrder("ConfigMap", "Deployment");
        Map<String, Object> deployment = rendered.one("Deployment");
        assertThat((String) at(deployment, "metadata.name")).isEqualTo("shop");
        Map<String, Object> init = initContainer(rendered);
        assertThat((List<String>) init.get("args")).containsExactly("--once");
        assertThat(byName(at(init, "volumeMounts")).get("tls")).containsEntry("mountPath", "/tls");
        assertThat(byName(at(init, "env")).get("VAULT_ADDR")).containsEntry("value", "https://vault.example.com:8200");
        Map<String, Map<String, Object>> volumes = byName(at(podSpec(deployment), "volumes"));
        assertThat(volumes).containsKeys("tls", "vault-pki-exporter-tmp", "vault-pki-exporter-config");
        // the ConfigMap the subchart renders is the one the init container mounts
        assertThat((String) at(volumes.get("vault-pki-exporter-config"), "configMap.name"))
                .isEqualTo(at(rendered.one("ConfigMap"), "metadata.name")).isEqualTo("shop-vault-pki-exporter-config");
    }

    @Test
    void theNamedTemplateRefusesTheServiceModeWhoseConfigurationHasApiTokens(@TempDir Path tmp) throws IOException {
        Path umbrella = umbrellaChart(tmp, """
                vault-pki-exporter:
                  initContainer:
                    enabled: false
                """);

        assertThatThrownBy(() -> new Helm(umbrella).template().withName("shop").withKubeVersion(Chart.KUBE_VERSION).call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set initContainer.enabled=true in the vault-pki-exporter values");
    }

    @Test
    void withTheModeOffTheChartRendersExactlyAsBeforeWhateverTheOneShotValuesSay() throws IOException {
        Object[] inert = {"initContainer.exports[0]", "web", "initContainer.app.image", "nginx", "initContainer.volumeName", "tls"};
        for (Path values : Stream.concat(Stream.of((Path) null), CHART.ciValues().stream())
                .filter(p -> p == null || !p.equals(INIT_VALUES)).toList()) {
            Chart.Rendered before = CHART.render(values);

            assertThat(CHART.render(values, "initContainer.enabled", false).yaml).as("%s", values).isEqualTo(before.yaml);
            assertThat(CHART.render(values, inert).yaml).as("%s", values).isEqualTo(before.yaml);
            assertThat(before.yaml).doesNotContain("initContainers", "--once");
            assertThat(before.kinds()).contains("Deployment", "Service");
        }
        assertThat(CHART.notes(null)).doesNotContain("One-shot");
    }

    /** An app chart "shop" whose Deployment includes the exporter's named templates; the exporter chart in charts/. */
    private static Path umbrellaChart(Path tmp, String values) throws IOException {
        Path umbrella = tmp.resolve("shop");
        copy(CHART.dir, umbrella.resolve("charts/vault-pki-exporter"));
        Files.createDirectories(umbrella.resolve("templates"));
        Files.writeString(umbrella.resolve("Chart.yaml"), """
                apiVersion: v2
                name: shop
                version: 1.0.0
                appVersion: "1.0.0"
                dependencies:
                  - name: vault-pki-exporter
                    version: 0.1.0
                """);
        Files.writeString(umbrella.resolve("values.yaml"), values);
        Files.writeString(umbrella.resolve("templates/deployment.yaml"), """
                {{- $exporter := index .Subcharts "vault-pki-exporter" }}
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ .Release.Name }}
                spec:
                  selector:
                    matchLabels: {app: shop}
                  template:
                    metadata:
                      labels: {app: shop}
                    spec:
                      serviceAccountName: shop
                      initContainers:
                        {{- include "vault-pki-exporter.initContainer" $exporter | nindent 8 }}
                      containers:
                        - name: shop
                          image: shop:1.0.0
                          volumeMounts:
                            - {name: tls, mountPath: /etc/shop/tls, readOnly: true}
                      volumes:
                        - name: tls
                          emptyDir: {medium: Memory}
                        {{- include "vault-pki-exporter.initContainerVolumes" $exporter | nindent 8 }}
                """);
        return umbrella;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
