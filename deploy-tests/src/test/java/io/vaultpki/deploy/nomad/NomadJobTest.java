package io.vaultpki.deploy.nomad;

import io.vaultpki.deploy.docker.JvmOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.vaultpki.deploy.nomad.NomadFiles.blocks;
import static io.vaultpki.deploy.nomad.NomadFiles.map;
import static io.vaultpki.deploy.nomad.NomadFiles.onlyChild;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both job files, parsed with hcl4j, contain what the apps need. hcl4j resolves var.* to the variable defaults and
 * mangles "${...}" interpolations, so values are compared as defaults and NOMAD_* references by name.
 */
class NomadJobTest {

    record Job(String id, Path file, String image, List<String> services, int port, String portVariable) {
    }

    static Stream<Arguments> jobs() {
        return Stream.of(
                Arguments.of(new Job("vault-pki-monitor", NomadFiles.MONITOR_JOB, "ghcr.io/vault-pki/vault-pki-monitor:0.1.0",
                        List.of("vault-pki-monitor", "vault-pki-monitor-metrics"), 8080, "MONITOR_PORT")),
                Arguments.of(new Job("vault-pki-exporter", NomadFiles.EXPORTER_JOB, "ghcr.io/vault-pki/vault-pki-exporter:0.1.0",
                        List.of("vault-pki-exporter", "vault-pki-exporter-api"), 8082, "EXPORTER_PORT")));
    }

    private static Map<String, Object> group(Job job) throws Exception {
        return onlyChild(NomadFiles.job(NomadFiles.parse(job.file()), job.id()).get("group"));
    }

    private static Map<String, Object> task(Job job) throws Exception {
        return onlyChild(group(job).get("task"));
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void everyVariableHasDescriptionTypeAndDefault(Job job) throws Exception {
        Map<String, Object> variables = map(NomadFiles.parse(job.file()).get("variable"));
        assertThat(variables).containsKeys("datacenters", "namespace", "image", "vault_addr", "vault_role",
                "pki_mount_path", "refresh_interval", "service_provider", "cpu", "memory");
        variables.forEach((name, body) -> assertThat(map(body))
                .as("variable %s", name)
                .containsKeys("description", "type", "default")
                .extractingByKey("description").asString().isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void isAServiceJobInTheConfiguredNamespaceAndDatacenters(Job job) throws Exception {
        Map<String, Object> spec = NomadFiles.job(NomadFiles.parse(job.file()), job.id());
        assertThat(spec).containsEntry("type", "service").containsEntry("namespace", "default")
                .containsEntry("id", job.id());
        assertThat(spec.get("datacenters")).asList().containsExactly("*");
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void runsTheCommonImageReadOnlyAsNonRoot(Job job) throws Exception {
        Map<String, Object> task = task(job);
        assertThat(task).containsEntry("driver", "docker").containsEntry("user", "65534:65534");
        Map<String, Object> config = map(task.get("config"));
        assertThat(config).containsEntry("image", job.image()).containsEntry("readonly_rootfs", true);
        assertThat(config.get("ports")).asList().containsExactly("http");
        assertThat(config.get("cap_drop")).asList().containsExactly("ALL");
        assertThat(map(config.get("mount"))).containsEntry("type", "tmpfs").containsEntry("target", "/tmp");
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void mapsPortHttpToTheAppsOwnPortMonitor8080Exporter8082(Job job) throws Exception {
        Map<String, Object> port = map(map(map(group(job).get("network")).get("port")).get("http"));
        assertThat(((Number) port.get("to")).intValue()).isEqualTo(job.port());
        assertThat(map(task(job).get("env"))).containsEntry(job.portVariable(), String.valueOf(job.port()));
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void setsTheEnvironmentTheAppsRead(Job job) throws Exception {
        Map<String, Object> env = map(task(job).get("env"));
        assertThat(env).containsKeys("VAULT_ADDR", "PKI_MOUNT_PATH", "MONITOR_INTERVAL")
                .containsEntry("VAULT_ADDR", "https://vault.service.consul:8200")
                .containsEntry("VAULT_AUTH_METHOD", "token-file")
                .containsEntry("LOG_FORMAT", "json");
        // hcl4j drops the ${} of "${NOMAD_SECRETS_DIR}/vault_token": the file Nomad writes for the vault block.
        assertThat(env.get("VAULT_AUTH_TOKEN_FILE")).asString().contains("NOMAD_SECRETS_DIR").endsWith("/vault_token");
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void logsInToVaultThroughWorkloadIdentityWithTheVaultAudience(Job job) throws Exception {
        Map<String, Object> task = task(job);
        Map<String, Object> vault = map(task.get("vault"));
        assertThat(vault).containsEntry("role", job.id()).containsEntry("change_mode", "noop")
                .containsEntry("env", false).doesNotContainKey("policies");
        Map<String, Object> identity = map(task.get("identity"));
        assertThat(identity).containsEntry("name", "vault_default").containsEntry("ttl", "1h");
        assertThat(identity.get("aud")).asList().containsExactly("vault.io");
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void registersBothServicesWithConsulIdentityAndChecksOnHealthEndpoints(Job job) throws Exception {
        List<Map<String, Object>> services = blocks(group(job).get("service"));
        assertThat(services).extracting(s -> s.get("name")).containsExactlyElementsOf(job.services());
        List<String> appEndpoints = List.of("/health/liveness", "/health/readiness", "/metrics");
        for (Map<String, Object> service : services) {
            assertThat(service).containsEntry("port", "http").containsEntry("provider", "consul");
            assertThat(map(service.get("identity")).get("aud")).asList().containsExactly("consul.io");
            List<Map<String, Object>> checks = blocks(service.get("check"));
            assertThat(checks).isNotEmpty().allSatisfy(check -> {
                assertThat(check).containsEntry("type", "http");
                assertThat(appEndpoints).contains((String) check.get("path"));
            });
        }
        Map<String, Object> main = services.get(0);
        assertThat(blocks(main.get("check"))).extracting(c -> c.get("path"))
                .containsExactly("/health/liveness", "/health/readiness");
        assertThat(map(blocks(main.get("check")).get(0).get("check_restart"))).containsKeys("limit", "grace");
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void advertisesMetricsForPrometheusServiceDiscovery(Job job) throws Exception {
        Map<String, Object> scraped = blocks(group(job).get("service")).stream()
                .filter(s -> ((List<?>) s.get("tags")).contains("prometheus"))
                .findFirst().orElseThrow(() -> new AssertionError("no service tagged prometheus"));
        assertThat(scraped.get("tags")).asList().contains("prometheus.io/scrape=true");
        assertThat(map(scraped.get("meta"))).containsEntry("metrics_path", "/metrics");
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void rollsOutOnChecksWithAutoRevertAndHasExplicitRestartAndReschedule(Job job) throws Exception {
        Map<String, Object> group = group(job);
        assertThat(map(group.get("update"))).containsEntry("health_check", "checks").containsEntry("auto_revert", true);
        assertThat(map(group.get("restart"))).containsKeys("attempts", "interval", "delay", "mode");
        assertThat(map(group.get("reschedule"))).containsKeys("delay", "delay_function", "unlimited");
        assertThat(map(task(job).get("resources"))).containsKeys("cpu", "memory");
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void theDefaultMemoryLeavesTheJvmItsShareOutsideTheHeap(Job job) throws Exception {
        Map<String, Object> variables = map(NomadFiles.parse(job.file()).get("variable"));
        int memory = ((Number) map(variables.get("memory")).get("default")).intValue();
        int memoryMax = ((Number) map(variables.get("memory_max")).get("default")).intValue();

        // the container's limit is the reservation, or memory_max where the client oversubscribes memory: the
        // reservation alone must already leave the JVM its share outside the heap
        assertThat(JvmOptions.read().nonHeapMiB(memory)).as("MiB outside the heap under a %d MiB limit", memory)
                .isGreaterThanOrEqualTo(JvmOptions.NON_HEAP_MIB);
        assertThat(memoryMax).as("memory_max: 0 (the reservation is the limit) or above the reservation")
                .matches(max -> max == 0 || max >= memory);
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void exampleVarFileSetsOnlyDeclaredVariables(Job job) throws Exception {
        String app = job.id().substring("vault-pki-".length());
        Map<String, Object> example = NomadFiles.parse(NomadFiles.NOMAD.resolve("vars/" + app + ".example.vars.hcl"));
        Map<String, Object> declared = map(NomadFiles.parse(job.file()).get("variable"));
        assertThat(example).isNotEmpty();
        assertThat(declared.keySet()).containsAll(example.keySet());
    }

    @org.junit.jupiter.api.Test
    void exporterKeepsCertificatesInAHostVolumeMountedAtCertExportPath() throws Exception {
        Job exporter = jobs().map(a -> (Job) a.get()[0]).filter(j -> j.id().equals("vault-pki-exporter")).findFirst().orElseThrow();
        Map<String, Object> group = group(exporter);
        assertThat(((Number) group.get("count")).intValue()).isEqualTo(1);
        assertThat(map(map(group.get("volume")).get("certs"))).containsEntry("type", "host")
                .containsEntry("source", "vault-pki-certs").containsEntry("read_only", false);
        Map<String, Object> task = task(exporter);
        assertThat(map(task.get("volume_mount"))).containsEntry("volume", "certs")
                .containsEntry("destination", "/exported-certs");
        assertThat(map(task.get("env"))).containsEntry("CERT_EXPORT_PATH", "/exported-certs");
        Map<String, Object> template = map(task.get("template"));
        assertThat(template.get("data")).asString().contains("nomadVarList").contains("sha256:");
        assertThat(Stream.of(map(task.get("env")).get("MICRONAUT_CONFIG_FILES"), template.get("destination"))
                .map(String::valueOf).collect(Collectors.toSet())).hasSize(1);
    }
}
