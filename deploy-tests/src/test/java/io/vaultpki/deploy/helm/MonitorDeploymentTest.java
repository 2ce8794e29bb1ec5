package io.vaultpki.deploy.helm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.vaultpki.deploy.helm.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The monitor's Deployment: probes, security contexts, the environment the app reads, volumes. */
class MonitorDeploymentTest {

    private static final Chart CHART = Chart.MONITOR;

    @Test
    void probesUseTheLivenessAndReadinessEndpointsOnTheHttpPort() {
        Map<String, Object> container = CHART.render("vault.address", "https://vault:8200").container();

        assertThat((String) at(container, "livenessProbe.httpGet.path")).isEqualTo("/health/liveness");
        assertThat((String) at(container, "livenessProbe.httpGet.port")).isEqualTo("http");
        assertThat((String) at(container, "readinessProbe.httpGet.path")).isEqualTo("/health/readiness");
        assertThat((String) at(container, "readinessProbe.httpGet.port")).isEqualTo("http");
        assertThat((String) at(container, "startupProbe.httpGet.path")).isEqualTo("/health/liveness");
        List<Map<String, Object>> ports = at(container, "ports");
        assertThat(ports).containsExactly(Map.of("name", "http", "containerPort", 8080, "protocol", "TCP"));
    }

    @Test
    void withTlsTheProbesMoveToThePlainHealthPortAndTheServerReadsTheMountedCertificate() {
        Chart.Rendered rendered = CHART.render(CHART.dir.resolve("ci/03-tls-client-auth-values.yaml"));
        Map<String, Object> container = rendered.container();

        assertThat((String) at(container, "livenessProbe.httpGet.port")).isEqualTo("probes");
        assertThat((String) at(container, "readinessProbe.httpGet.port")).isEqualTo("probes");
        List<Map<String, Object>> ports = at(container, "ports");
        assertThat(ports).extracting(p -> p.get("name"), p -> p.get("containerPort"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http", 8080), org.assertj.core.groups.Tuple.tuple("probes", 8081));
        assertThat(rendered.envValue("MONITOR_TLS_CERT")).isEqualTo("/etc/vault-pki-monitor/tls/tls.crt");
        assertThat(rendered.envValue("MONITOR_TLS_KEY")).isEqualTo("/etc/vault-pki-monitor/tls/tls.key");
        assertThat(rendered.envValue("MONITOR_TLS_CLIENT_CA")).isEqualTo("/etc/vault-pki-monitor/client-ca/ca.crt");
        assertThat(rendered.envValue("MONITOR_TLS_CLIENT_AUTH")).isEqualTo("need");
        assertThat(rendered.envValue("MONITOR_HEALTH_PORT")).isEqualTo("8081");
        assertThat((String) at(rendered.volume("tls"), "secret.secretName")).isEqualTo("vault-pki-monitor-tls");
        assertThat((String) at(rendered.volume("client-ca"), "secret.secretName")).isEqualTo("prometheus-client-ca");
        assertThat(rendered.volumeMount("tls")).containsEntry("mountPath", "/etc/vault-pki-monitor/tls").containsEntry("readOnly", true);
    }

    @Test
    void podAndContainerRunAsNonRootWithAReadOnlyRootFilesystemAndNoCapabilities() {
        Chart.Rendered rendered = CHART.render();
        Map<String, Object> pod = at(rendered.one("Deployment"), "spec.template.spec.securityContext");
        Map<String, Object> container = at(rendered.container(), "securityContext");

        assertThat(pod).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 65532)
                .containsEntry("runAsGroup", 65532).containsEntry("fsGroup", 65532)
                .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
        assertThat(container).containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
    }

    @Test
    void tmpIsAWritableEmptyDirBecauseTheRootFilesystemIsReadOnly() {
        Chart.Rendered rendered = CHART.render();

        assertThat(rendered.volume("tmp")).containsKey("emptyDir");
        assertThat(rendered.volumeMount("tmp")).containsEntry("mountPath", "/tmp").doesNotContainKey("readOnly");
    }

    @Test
    void defaultsLogInWithKubernetesAuthAsTheChartsServiceAccountAndLogJson() {
        Chart.Rendered rendered = CHART.render("vault.address", "https://vault.vault.svc:8200");

        assertThat(rendered.env()).containsOnlyKeys("VAULT_ADDR", "VAULT_AUTH_METHOD", "VAULT_ROLE", "MONITOR_PORT",
                "MONITOR_INTERVAL", "LOG_FORMAT");
        assertThat(rendered.envValue("VAULT_ADDR")).isEqualTo("https://vault.vault.svc:8200");
        assertThat(rendered.envValue("VAULT_AUTH_METHOD")).isEqualTo("kubernetes");
        assertThat(rendered.envValue("VAULT_ROLE")).isEqualTo("vault-pki-monitor");
        assertThat(rendered.envValue("MONITOR_INTERVAL")).isEqualTo("60s");
        assertThat(rendered.envValue("LOG_FORMAT")).isEqualTo("json");
        assertThat((String) at(rendered.one("Deployment"), "spec.template.spec.serviceAccountName"))
                .isEqualTo(at(rendered.one("ServiceAccount"), "metadata.name"));
        assertThat((Boolean) at(rendered.one("Deployment"), "spec.template.spec.automountServiceAccountToken")).isTrue();
    }

    @Test
    void vaultSettingsMapToTheVariablesTheVaultClientReads() {
        Chart.Rendered rendered = CHART.render("vault.address", "https://vault:8200", "vault.namespace", "team-a",
                "vault.caCert.secretName", "vault-ca", "vault.auth.mountPath", "k8s-prod",
                "vault.readTimeout", "10s", "vault.maxRetries", 5, "vault.tlsServerName", "vault.internal",
                "monitor.pkiMountPath", "pki_int", "monitor.readyGrace", "10m");

        assertThat(rendered.envValue("VAULT_NAMESPACE")).isEqualTo("team-a");
        assertThat(rendered.envValue("VAULT_CACERT")).isEqualTo("/etc/vault-pki/vault-ca/ca.crt");
        assertThat(rendered.envValue("VAULT_MOUNT_POINT")).isEqualTo("k8s-prod");
        assertThat(rendered.envValue("VAULT_CLIENT_TIMEOUT")).isEqualTo("10s");
        assertThat(rendered.envValue("VAULT_MAX_RETRIES")).isEqualTo("5");
        assertThat(rendered.envValue("VAULT_TLS_SERVER_NAME")).isEqualTo("vault.internal");
        assertThat(rendered.envValue("PKI_MOUNT_PATH")).isEqualTo("pki_int");
        assertThat(rendered.envValue("MONITOR_HEALTH_READY_GRACE")).isEqualTo("10m");
        assertThat((String) at(rendered.volume("vault-ca"), "secret.secretName")).isEqualTo("vault-ca");
        assertThat(rendered.volumeMount("vault-ca")).containsEntry("mountPath", "/etc/vault-pki/vault-ca").containsEntry("readOnly", true);
    }

    @Test
    void appRoleReadsTheSecretIdFromAMountedSecretAndOtherSettingsFromAConfigFile() {
        Chart.Rendered rendered = CHART.render(CHART.dir.resolve("ci/07-approle-config-values.yaml"));

        assertThat(rendered.envValue("VAULT_AUTH_METHOD")).isEqualTo("approle");
        assertThat(rendered.envValue("VAULT_AUTH_MOUNT")).isEqualTo("approle-ops");
        assertThat(rendered.envValue("VAULT_AUTH_ROLE_ID")).isEqualTo("0b4f3c1e-example-role-id");
        assertThat(rendered.envValue("VAULT_AUTH_SECRET_ID_FILE")).isEqualTo("/etc/vault-pki/vault-auth/secret-id");
        assertThat(rendered.env()).doesNotContainKeys("VAULT_ROLE", "VAULT_MOUNT_POINT");
        List<Map<String, Object>> sources = at(rendered.volume("vault-auth"), "projected.sources");
        assertThat(sources).containsExactly(Map.of("secret", Map.of("name", "vault-pki-monitor-approle",
                "items", List.of(Map.of("key", "secret-id", "path", "secret-id")))));
        assertThat(rendered.envValue("MICRONAUT_CONFIG_FILES")).isEqualTo("/etc/vault-pki-monitor/config/application.yml");
        Map<String, Object> data = at(rendered.one("ConfigMap"), "data");
        Map<String, Object> config = new org.yaml.snakeyaml.Yaml().load((String) data.get("application.yml"));
        assertThat(config).isEqualTo(Map.of("monitor", Map.of("thresholds", Map.of("warning", "45d", "critical", "10d"),
                "leaves", Map.of("max-series", 5000))));
        assertThat((String) at(rendered.one("Deployment"), "spec.template.metadata.annotations.checksum/config")).hasSize(64);
    }

    @Test
    void healthChecksCliConfigIsMountedAsTheCliJsonFileTheMonitorReads() throws Exception {
        Chart.Rendered rendered = CHART.render("healthChecks.cliConfig.tidy_last_run.enabled", "false",
                "healthChecks.cliConfig.ca_validity_period.root_expiry_critical", "90d");

        assertThat(rendered.envValue("MONITOR_HEALTH_CHECKS_CONFIG_FILE"))
                .isEqualTo("/etc/vault-pki-monitor/config/health-checks.json");
        assertThat(rendered.env()).doesNotContainKey("MICRONAUT_CONFIG_FILES");
        Map<String, Object> data = at(rendered.one("ConfigMap"), "data");
        assertThat(data).containsOnlyKeys("health-checks.json");
        Map<?, ?> cli = new com.fasterxml.jackson.databind.ObjectMapper().readValue((String) data.get("health-checks.json"),
                Map.class);
        assertThat(cli).isEqualTo(Map.of("tidy_last_run", Map.of("enabled", false),
                "ca_validity_period", Map.of("root_expiry_critical", "90d")));
        assertThat(rendered.volumeMount("config")).containsEntry("mountPath", "/etc/vault-pki-monitor/config");
        assertThat((String) at(rendered.one("Deployment"), "spec.template.metadata.annotations.checksum/config")).hasSize(64);
    }

    @Test
    void tokenMethodTakesTheTokenFromASecretNeverFromValues() {
        Chart.Rendered rendered = CHART.render("vault.auth.method", "token", "vault.auth.tokenSecret.name", "monitor-token");

        assertThat(rendered.env().get("VAULT_TOKEN")).isEqualTo(Map.of("name", "VAULT_TOKEN",
                "valueFrom", Map.of("secretKeyRef", Map.of("name", "monitor-token", "key", "token"))));
        assertThat(rendered.env()).doesNotContainKey("VAULT_ROLE");
    }

    @Test
    void jwtAudienceMountsAProjectedServiceAccountTokenForTheJwtMethod() {
        Chart.Rendered rendered = CHART.render("vault.auth.method", "jwt", "vault.auth.jwtAudience", "vault.io");

        assertThat(rendered.envValue("VAULT_AUTH_JWT_FILE")).isEqualTo("/etc/vault-pki/vault-auth/jwt");
        assertThat(rendered.envValue("VAULT_ROLE")).isEqualTo("vault-pki-monitor");
        List<Map<String, Object>> sources = at(rendered.volume("vault-auth"), "projected.sources");
        assertThat(sources).containsExactly(Map.of("serviceAccountToken",
                Map.of("audience", "vault.io", "expirationSeconds", 3600, "path", "jwt")));
    }

    @Test
    void theServiceExposesTheMetricsPort() {
        Map<String, Object> service = CHART.render().one("Service");

        List<Map<String, Object>> ports = at(service, "spec.ports");
        assertThat(ports).containsExactly(Map.of("name", "metrics", "port", 8080, "targetPort", "http", "protocol", "TCP"));
        assertThat((Map<String, Object>) at(service, "spec.selector")).containsOnlyKeys("app.kubernetes.io/name", "app.kubernetes.io/instance");
    }
}
