package io.vaultpki.deploy.helm;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static io.vaultpki.deploy.helm.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The exporter's Deployment: the export volume, API tokens, files group, probes, contexts and environment. */
class ExporterDeploymentTest {

    private static final Chart CHART = Chart.EXPORTER;

    @Test
    void theExportDirectoryIsANewClaimMountedAtCertExportPath() {
        Chart.Rendered rendered = CHART.render("persistence.size", "5Gi", "persistence.storageClass", "fast",
                "exporter.path", "/srv/certs");
        Map<String, Object> claim = rendered.one("PersistentVolumeClaim");

        assertThat((String) at(claim, "metadata.name")).isEqualTo("vault-pki-exporter");
        assertThat((String) at(claim, "spec.resources.requests.storage")).isEqualTo("5Gi");
        assertThat((String) at(claim, "spec.storageClassName")).isEqualTo("fast");
        assertThat((List<String>) at(claim, "spec.accessModes")).containsExactly("ReadWriteOnce");
        assertThat((String) at(rendered.volume("export"), "persistentVolumeClaim.claimName")).isEqualTo("vault-pki-exporter");
        assertThat(rendered.volumeMount("export")).containsEntry("mountPath", "/srv/certs").doesNotContainKey("readOnly");
        assertThat(rendered.envValue("CERT_EXPORT_PATH")).isEqualTo("/srv/certs");
        assertThat((String) at(rendered.one("Deployment"), "spec.strategy.type")).isEqualTo("Recreate");
    }

    @Test
    void anExistingClaimIsUsedAndNoClaimIsCreated() {
        Chart.Rendered rendered = CHART.render(CHART.dir.resolve("ci/02-existing-claim-values.yaml"));

        assertThat(rendered.kinds()).doesNotContain("PersistentVolumeClaim");
        assertThat((String) at(rendered.volume("export"), "persistentVolumeClaim.claimName")).isEqualTo("shared-certificates");
    }

    @Test
    void readerPodsShareFilesThroughTheFsGroupAndTheFilesGroup() {
        Chart.Rendered rendered = CHART.render(CHART.dir.resolve("ci/02-existing-claim-values.yaml"));

        assertThat((Integer) at(rendered.one("Deployment"), "spec.template.spec.securityContext.fsGroup")).isEqualTo(2000);
        assertThat(rendered.envValue("EXPORTER_FILES_GROUP")).isEqualTo("2000");
        assertThat(rendered.envValue("EXPORTER_FILES_KEY_MODE")).isEqualTo("0640");
    }

    @Test
    void withoutPersistenceTheExportDirectoryIsAnEmptyDir() {
        Chart.Rendered rendered = CHART.render("persistence.enabled", false);

        assertThat(rendered.kinds()).doesNotContain("PersistentVolumeClaim");
        assertThat(rendered.volume("export")).containsKey("emptyDir");
    }

    @Test
    void apiTokensComeFromTheMountedSecretAndAreReferencedByFileInApplicationYml() {
        Chart.Rendered rendered = CHART.render(CHART.dir.resolve("ci/03-api-tokens-values.yaml"));

        assertThat((String) at(rendered.volume("api-tokens"), "secret.secretName")).isEqualTo("vault-pki-exporter-api-tokens");
        assertThat(rendered.volumeMount("api-tokens")).containsEntry("readOnly", true);
        assertThat(rendered.envValue("MICRONAUT_CONFIG_FILES")).isEqualTo("/etc/vault-pki-exporter/config/application.yml");
        Map<String, Object> data = at(rendered.one("ConfigMap"), "data");
        Map<String, Object> config = new Yaml().load((String) data.get("application.yml"));
        List<Map<String, Object>> tokens = at(config, "exporter.api.tokens");
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0)).containsEntry("name", "deployer")
                .containsEntry("sha256-file", "/etc/vault-pki-exporter/api-tokens/deployer.sha256")
                .containsEntry("scopes", List.of("read", "write")).containsKey("policy").doesNotContainKey("token-file");
        assertThat(tokens.get(1)).containsEntry("name", "nginx-sidecar")
                .containsEntry("token-file", "/etc/vault-pki-exporter/api-tokens/nginx.token")
                .containsEntry("exports", List.of("web"));
        assertThat((Map<String, Object>) at(config, "exporter.exports")).containsOnlyKeys("web", "root-ca");
        assertThat((Integer) at(config, "exporter.renewal.renew-before-percent")).isEqualTo(40);
        assertThat(rendered.envValue("EXPORTER_FILES_PKCS12_PASSWORD_FILE")).isEqualTo("/etc/vault-pki-exporter/files/pkcs12-password");
    }

    @Test
    void hooksAreRenderedAsConfigurationAndExportsAndPoliciesNameThem() {
        Chart.Rendered rendered = CHART.render(CHART.dir.resolve("ci/03-api-tokens-values.yaml"));
        Map<String, Object> config = new Yaml().load((String) ((Map<String, Object>) at(rendered.one("ConfigMap"), "data"))
                .get("application.yml"));

        Map<String, Object> reload = at(config, "exporter.hooks.reload");
        assertThat(reload).containsEntry("command", List.of("/usr/local/bin/reload-web", "--graceful"))
                .containsEntry("timeout", "20s").containsEntry("environment", List.of("TARGET=web"));
        assertThat((String) at(config, "exporter.exports.web.hook")).isEqualTo("reload");
        List<Map<String, Object>> tokens = at(config, "exporter.api.tokens");
        assertThat((List<String>) at(tokens.get(0), "policy.hooks")).containsExactly("reload");
        assertThat((Map<String, Object>) at(tokens.get(1), "policy")).isNull();
    }

    @Test
    void hooksAloneAreEnoughForAConfigFile() {
        Chart.Rendered rendered = CHART.render("exporter.hooks.reload.command[0]", "/usr/local/bin/reload");

        assertThat(rendered.envValue("MICRONAUT_CONFIG_FILES")).isEqualTo("/etc/vault-pki-exporter/config/application.yml");
        Map<String, Object> config = new Yaml().load((String) ((Map<String, Object>) at(rendered.one("ConfigMap"), "data"))
                .get("application.yml"));
        assertThat((List<String>) at(config, "exporter.hooks.reload.command")).containsExactly("/usr/local/bin/reload");
    }

    @Test
    void withoutTokensOrExportsThereIsNoConfigFile() {
        Chart.Rendered rendered = CHART.render();

        assertThat(rendered.kinds()).doesNotContain("ConfigMap");
        assertThat(rendered.env()).doesNotContainKey("MICRONAUT_CONFIG_FILES");
        assertThat(rendered.volume("api-tokens")).isNull();
    }

    @Test
    void probesSecurityContextsAndTmpMatchTheMonitors() {
        Chart.Rendered rendered = CHART.render();
        Map<String, Object> container = rendered.container();

        assertThat((String) at(container, "livenessProbe.httpGet.path")).isEqualTo("/health/liveness");
        assertThat((String) at(container, "readinessProbe.httpGet.path")).isEqualTo("/health/readiness");
        assertThat((String) at(container, "readinessProbe.httpGet.port")).isEqualTo("http");
        assertThat((Map<String, Object>) at(container, "securityContext")).containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false).containsEntry("capabilities", Map.of("drop", List.of("ALL")));
        assertThat((Map<String, Object>) at(rendered.one("Deployment"), "spec.template.spec.securityContext"))
                .containsEntry("runAsNonRoot", true).containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
        assertThat(rendered.volumeMount("tmp")).containsEntry("mountPath", "/tmp");
    }

    @Test
    void theEnvironmentHasTheVariablesTheExporterReads() {
        Chart.Rendered rendered = CHART.render("vault.address", "https://vault:8200", "exporter.pkiMountPath", "pki_int",
                "exporter.refreshInterval", "10m", "exporter.audit.path", "/srv/audit.log");

        assertThat(rendered.env()).containsKeys("VAULT_ADDR", "VAULT_AUTH_METHOD", "VAULT_ROLE", "EXPORTER_PORT",
                "CERT_EXPORT_PATH", "PKI_MOUNT_PATH", "MONITOR_INTERVAL", "EXPORTER_AUDIT_PATH");
        assertThat(rendered.envValue("VAULT_ROLE")).isEqualTo("vault-pki-exporter");
        assertThat(rendered.envValue("CERT_EXPORT_PATH")).isEqualTo("/exported-certs");
        assertThat(rendered.envValue("MONITOR_INTERVAL")).isEqualTo("10m");
        // The exporter has no LOG_FORMAT switch (only the monitor does): the chart must not pretend it has.
        assertThat(rendered.env()).doesNotContainKey("LOG_FORMAT");
    }

    @Test
    void theServiceExposesTheApiPort() {
        List<Map<String, Object>> ports = at(CHART.render().one("Service"), "spec.ports");

        assertThat(ports).containsExactly(Map.of("name", "http", "port", 8082, "targetPort", "http", "protocol", "TCP"));
    }
}
