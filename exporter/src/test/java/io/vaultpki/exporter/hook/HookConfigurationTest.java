package io.vaultpki.exporter.hook;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code exporter.hooks.<name>} as the application binds it: a good block becomes an immutable hook, and every bad
 * one stops start-up with a message naming the setting, before any file is written.
 */
class HookConfigurationTest {

    @TempDir
    Path root;

    private Map<String, Object> base() {
        Map<String, Object> p = new HashMap<>();
        p.put("vault.address", "http://127.0.0.1:1");
        p.put("vault.token", "hvs.test-token-never-sent");
        p.put("vault.auth.method", "token");
        p.put("exporter.path", root.toString());
        p.put("exporter.scheduler.enabled", "false");
        return p;
    }

    private Hooks start(Map<String, Object> properties) {
        try (ApplicationContext app = ApplicationContext.builder().properties(properties).start()) {
            return app.getBean(Hooks.class);
        }
    }

    private Hooks startWithYaml(String yaml) throws IOException {
        Map<String, Object> props = new YamlPropertySourceLoader().read("hooks",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        try (ApplicationContext app = ApplicationContext.builder().properties(base())
                .propertySources(PropertySource.of("hooks", props)).start()) {
            return app.getBean(Hooks.class);
        }
    }

    private String failure(Map<String, Object> properties) {
        Throwable failure = catchThrowable(() -> start(properties));
        assertThat(failure).as("start-up with %s", properties).isNotNull();
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aHookIsBoundFromYamlWithItsArgvTimeoutAndEnvironment() throws IOException {
        Hooks hooks = startWithYaml("""
                exporter:
                  hooks:
                    reload:
                      command: [nginx, -s, reload]
                      timeout: 10s
                      environment: ["NGINX_CONF=/etc/nginx/nginx.conf", "RELOAD_MODE=graceful"]
                    notify:
                      command: ["/usr/local/bin/notify", "--export", "cert changed"]
                """);

        assertThat(hooks.names()).containsExactly("notify", "reload");
        HookConfiguration reload = hooks.find("reload").orElseThrow();
        assertThat(reload.command()).containsExactly("nginx", "-s", "reload");
        assertThat(reload.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(reload.environmentVariables()).containsExactly(Map.entry("NGINX_CONF", "/etc/nginx/nginx.conf"),
                Map.entry("RELOAD_MODE", "graceful"));
        HookConfiguration notify = hooks.find("notify").orElseThrow();
        assertThat(notify.command()).containsExactly("/usr/local/bin/notify", "--export", "cert changed");
        assertThat(notify.timeout()).isEqualTo(HookConfiguration.DEFAULT_TIMEOUT);
        assertThat(notify.environmentVariables()).isEmpty();
    }

    @Test
    void anEnvironmentVariableStyleCommaListIsTheArgv() {
        Map<String, Object> p = base();
        p.put("exporter.hooks.reload.command", "nginx,-s,reload");

        assertThat(start(p).find("reload").orElseThrow().command()).containsExactly("nginx", "-s", "reload");
    }

    @Test
    void aHookSetThroughEnvironmentVariablesIsBound() {
        Map<String, Object> env = Map.of("EXPORTER_HOOKS_RELOAD_COMMAND", "nginx,-s,reload",
                "EXPORTER_HOOKS_RELOAD_TIMEOUT", "15s");
        try (ApplicationContext app = ApplicationContext.builder().properties(base())
                .propertySources(PropertySource.of("env", env, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start()) {
            HookConfiguration reload = app.getBean(Hooks.class).find("reload").orElseThrow();

            assertThat(reload.command()).containsExactly("nginx", "-s", "reload");
            assertThat(reload.timeout()).isEqualTo(Duration.ofSeconds(15));
            assertThat(app.getBean(Hooks.class).names()).containsExactly("reload");
        }
    }

    @Test
    void aTokenPolicyNamingAHookThatIsNotConfiguredStopsStartUpNamingTheSetting() {
        Map<String, Object> p = base();
        p.put("exporter.hooks.reload.command", "nginx,-s,reload");
        p.put("exporter.api.tokens[0].name", "deployer");
        p.put("exporter.api.tokens[0].sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        p.put("exporter.api.tokens[0].scopes", "read,write");
        p.put("exporter.api.tokens[0].policy.hooks", "relaod");

        assertThat(failure(p)).contains("exporter.api.tokens[0].policy.hooks: 'relaod' matches no configured hook"
                + " (exporter.hooks: reload)");
    }

    @Test
    void aTokenPolicyWhoseHookPatternMatchesAConfiguredHookStarts() {
        Map<String, Object> p = base();
        p.put("exporter.hooks.reload-nginx.command", "nginx,-s,reload");
        p.put("exporter.api.tokens[0].name", "deployer");
        p.put("exporter.api.tokens[0].sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        p.put("exporter.api.tokens[0].scopes", "read,write");
        p.put("exporter.api.tokens[0].policy.hooks", "reload-*");

        assertThat(start(p).names()).containsExactly("reload-nginx");
    }

    @Test
    void noHooksConfiguredIsAnEmptyRegistry() {
        assertThat(start(base()).names()).isEmpty();
    }

    @Test
    void aHookNeverPrintsItsArguments() {
        HookConfiguration hook = HookConfiguration.of("upload", List.of("curl", "-u", "admin:s3cr3t", "https://x"), null);

        assertThat(hook.toString()).contains("upload").contains("'curl' with 3 arguments").doesNotContain("s3cr3t");
    }

    static Stream<Arguments> badHooks() {
        return Stream.of(
                Arguments.of("exporter.hooks.reload.command", "", "exporter.hooks.reload.command must not be empty"),
                Arguments.of("exporter.hooks.reload.timeout", "-1s", "exporter.hooks.reload.timeout must be positive and at most 10m"),
                Arguments.of("exporter.hooks.reload.timeout", "0s", "exporter.hooks.reload.timeout must be positive"),
                Arguments.of("exporter.hooks.reload.timeout", "2h", "exporter.hooks.reload.timeout must be positive and at most 10m"),
                Arguments.of("exporter.hooks.reload.timeout", "soon", "exporter.hooks.reload.timeout is not a duration"),
                Arguments.of("exporter.hooks.reload.environment", "VAULT_TOKEN=hvs.abc",
                        "exporter.hooks.reload.environment[0]: VAULT_TOKEN looks like a credential"),
                Arguments.of("exporter.hooks.reload.environment", "DB_PASSWORD=x",
                        "exporter.hooks.reload.environment[0]: DB_PASSWORD looks like a credential"),
                Arguments.of("exporter.hooks.reload.environment", "EXPORT_DIR=/etc",
                        "exporter.hooks.reload.environment[0]: EXPORT_DIR is reserved"),
                Arguments.of("exporter.hooks.reload.environment", "A=1,A=2", "exporter.hooks.reload.environment[1]: A is set twice"),
                Arguments.of("exporter.hooks.reload.environment", "JUST_A_NAME", "exporter.hooks.reload.environment[0] must be NAME=value"),
                Arguments.of("exporter.hooks.reload.environment", "1X=y", "exporter.hooks.reload.environment[0]: '1X' is not a variable name"),
                Arguments.of("exporter.hooks.reload.timout", "5s", "exporter.hooks.reload.timout is not a hook setting"),
                Arguments.of("exporter.hooks.nginx.reload.command", "nginx", "exporter.hooks.nginx.reload is not a hook setting"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badHooks")
    void aBadHookStopsStartUpWithAMessageNamingTheSetting(String setting, String value, String message) throws IOException {
        Map<String, Object> p = base();
        if (setting.startsWith("exporter.hooks.reload.") && !setting.endsWith(".command")) {
            p.put("exporter.hooks.reload.command", "true");
        }
        p.put(setting, value);

        assertThat(failure(p)).contains(message).doesNotContain("hvs.abc");
        try (Stream<Path> written = Files.walk(root)) {
            assertThat(written.filter(Files::isRegularFile)).as("files written under the export root").isEmpty();
        }
    }

    @Test
    void aHookNameIsNormalisedAsEveryPropertyKeyIsSoExportsMustUseTheNormalForm() {
        Map<String, Object> p = base();
        p.put("exporter.hooks.Reload_All.command", "true");

        assertThat(start(p).names()).containsExactly("reload-all");
    }

    @Test
    void aHookWithoutACommandStopsStartUp() {
        Map<String, Object> p = base();
        p.put("exporter.hooks.reload.timeout", "5s");

        assertThat(failure(p)).contains("exporter.hooks.reload.command must be set");
    }

    @Test
    void everyBadHookIsNamedInOneMessage() {
        Map<String, Object> p = base();
        p.put("exporter.hooks.a.command", "");
        p.put("exporter.hooks.b.command", "true");
        p.put("exporter.hooks.b.timeout", "-5s");

        assertThat(failure(p)).contains("exporter.hooks.a.command must not be empty")
                .contains("exporter.hooks.b.timeout must be positive");
    }

    @Test
    void aConfiguredExportNamingAnUnknownHookStopsStartUpNamingTheSetting() {
        Map<String, Object> p = base();
        p.put("exporter.hooks.reload.command", "true");
        p.put("exporter.exports.web.source", "issuer");
        p.put("exporter.exports.web.hook", "restart");

        assertThat(failure(p)).contains("exporter.exports.web.hook").contains("'restart'").contains("[reload]");
    }

    @Test
    void aConfiguredExportWithAnInlineCommandStopsStartUpPointingToExporterHooks() {
        Map<String, Object> p = base();
        p.put("exporter.exports.web.source", "issuer");
        p.put("exporter.exports.web.hook.command", "sh,-c,id");

        assertThat(failure(p)).contains("exporter.exports.web.hook.command").contains("exporter.hooks.<name>.command");
    }
}
