package io.vaultpki.deploy.nomad;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.vaultpki.deploy.nomad.NomadFiles.blocks;
import static io.vaultpki.deploy.nomad.NomadFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * nomad/examples/vault-pki-exporter-prestart.nomad.hcl, parsed with hcl4j (var.* resolved to the defaults, "${...}"
 * runtime references mangled, so those are checked by name here and exactly in StrictHclTest): a prestart task runs
 * the exporter with --once for the sibling app task, logs in to Vault through workload identity and opens no port.
 */
class NomadPrestartExampleTest {

    private static Map<String, Object> group() throws Exception {
        Map<String, Object> job = NomadFiles.job(NomadFiles.parse(NomadFiles.PRESTART_EXAMPLE), "web-with-certificates");
        return map(map(job.get("group")).get("web"));
    }

    private static Map<String, Object> task(String name) throws Exception {
        return map(map(group().get("task")).get(name));
    }

    @Test
    void theExporterIsAPrestartTaskThatRunsToCompletionBeforeTheApp() throws Exception {
        assertThat(map(group().get("task")).keySet()).containsExactly("certificates", "web");
        Map<String, Object> lifecycle = map(task("certificates").get("lifecycle"));
        assertThat(lifecycle).containsEntry("hook", "prestart").containsEntry("sidecar", false);
        assertThat(task("web")).doesNotContainKey("lifecycle");
    }

    @Test
    void itRunsOnceForTheExportItsTemplateConfigures() throws Exception {
        Map<String, Object> task = task("certificates");
        Map<String, Object> config = map(task.get("config"));
        assertThat(config).containsEntry("image", "ghcr.io/vault-pki/vault-pki-exporter:0.1.0")
                .doesNotContainKeys("command", "entrypoint");
        assertThat(config.get("args")).asList().containsExactly("--once", "--export", "web");
        Map<String, Object> template = map(task.get("template"));
        // what Nomad renders: the heredoc with var.* replaced by the defaults, which must be the app's configuration
        Map<String, Object> rendered = new Yaml().load(withDefaults(String.valueOf(template.get("data"))));
        Map<String, Object> web = at(rendered, "exporter", "exports", "web");
        assertThat(web).containsEntry("source", "issue").containsEntry("mount", "pki_int").containsEntry("role", "web")
                .containsEntry("common-name", "web.service.consul").containsEntry("ttl", "720h");
        Map<String, Object> env = map(task.get("env"));
        assertThat(String.valueOf(template.get("destination"))).isEqualTo(String.valueOf(env.get("MICRONAUT_CONFIG_FILES")))
                .contains("NOMAD_SECRETS_DIR").endsWith("/exporter.yml");
    }

    @Test
    void itWritesIntoTheSharedAllocDirectoryWhereTheAppReadsAndKeepsItsSecretsInItsSecretsDir() throws Exception {
        Map<String, Object> env = map(task("certificates").get("env"));
        assertThat(env.get("CERT_EXPORT_PATH")).asString().contains("NOMAD_ALLOC_DIR").endsWith("/certs");
        assertThat(env.get("VAULT_AUTH_TOKEN_FILE")).asString().contains("NOMAD_SECRETS_DIR").endsWith("/vault_token");
        assertThat(env).containsEntry("VAULT_AUTH_METHOD", "token-file")
                .containsEntry("VAULT_ADDR", "https://vault.service.consul:8200")
                .doesNotContainKeys("EXPORTER_PORT", "VAULT_TOKEN");
        // the docker driver mounts alloc/ at /alloc in every task of the group
        assertThat(withDefaults(String.valueOf(map(task("web").get("template")).get("data"))))
                .contains("ssl_certificate     /alloc/certs/web/fullchain.pem")
                .contains("ssl_certificate_key /alloc/certs/web/key.pem");
    }

    @Test
    void itLogsInToVaultThroughWorkloadIdentityWithoutTheTokenInItsEnvironment() throws Exception {
        Map<String, Object> task = task("certificates");
        assertThat(map(task.get("vault"))).containsEntry("role", "web-with-certificates")
                .containsEntry("change_mode", "noop").containsEntry("env", false);
        Map<String, Object> identity = map(task.get("identity"));
        assertThat(identity).containsEntry("name", "vault_default");
        assertThat(identity.get("aud")).asList().containsExactly("vault.io");
        assertThat(task("web")).doesNotContainKeys("vault", "identity");
    }

    @Test
    void theExporterOpensNoPortAndRegistersNoService() throws Exception {
        Map<String, Object> config = map(task("certificates").get("config"));
        assertThat(config).doesNotContainKeys("ports", "port_map", "network_mode");
        assertThat(task("certificates")).doesNotContainKey("service");
        assertThat(blocks(group().get("service"))).isEmpty();
        // the group's only port is the app's
        assertThat(map(map(group().get("network")).get("port")).keySet()).containsExactly("https");
        assertThat(map(task("web").get("config")).get("ports")).asList().containsExactly("https");
    }

    @Test
    void itRunsReadOnlyAsNonRootWithoutCapabilities() throws Exception {
        Map<String, Object> task = task("certificates");
        assertThat(task).containsEntry("driver", "docker").containsEntry("user", "65534:65534");
        Map<String, Object> config = map(task.get("config"));
        assertThat(config).containsEntry("readonly_rootfs", true);
        assertThat(config.get("cap_drop")).asList().containsExactly("ALL");
        assertThat(config.get("security_opt")).asList().contains("no-new-privileges");
        assertThat(map(config.get("mount"))).containsEntry("type", "tmpfs").containsEntry("target", "/tmp");
        assertThat(((Number) map(task.get("resources")).get("memory")).intValue()).isGreaterThanOrEqualTo(192);
    }

    /** hcl4j keeps heredocs as written: replaces ${var.name} by the variable's default, as Nomad would. */
    private static String withDefaults(String text) throws Exception {
        Map<String, Object> variables = map(NomadFiles.parse(NomadFiles.PRESTART_EXAMPLE).get("variable"));
        Matcher m = Pattern.compile("\\$\\{var\\.([a-z_]+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = map(variables.get(m.group(1))).get("default");
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString().stripIndent();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> node, String... keys) {
        Map<String, Object> current = node;
        for (String key : keys) {
            assertThat(current).as("key %s", key).containsKey(key);
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    @Test
    void everyVariableHasDescriptionTypeAndDefault() throws Exception {
        Map<String, Object> variables = map(NomadFiles.parse(NomadFiles.PRESTART_EXAMPLE).get("variable"));
        assertThat(variables).containsKeys("exporter_image", "app_image", "vault_addr", "vault_role", "export_name");
        variables.forEach((name, body) -> assertThat(map(body)).as("variable %s", name)
                .containsKeys("description", "type", "default"));
        assertThat(List.of(map(variables.get("vault_role")).get("default"), map(variables.get("job_name")).get("default")))
                .as("the Vault role binds the job ID: the example's defaults agree").containsOnly("web-with-certificates");
    }
}
