package io.vaultpki.exporter.robustness;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.emulator.VaultEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every group of the exporter's settings with bad values — wrong types, negative and overflowing numbers, bad
 * durations, path traversal, control characters, unknown words: start-up stops with a message naming the setting,
 * and no file is written under the export root. The secret-bearing settings are never echoed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigurationRobustnessTest {

    private static final String SECRET = "pkcs12-secret-never-in-a-message";
    private VaultEmulator vault;

    @BeforeAll
    void startVault() {
        vault = VaultEmulator.builder().start();
    }

    @AfterAll
    void stopVault() {
        vault.close();
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                // general
                Arguments.of("exporter.refresh-interval", "-5m"), Arguments.of("exporter.refresh-interval", "abc"),
                Arguments.of("exporter.refresh-interval", "0s"),
                Arguments.of("exporter.concurrency", "0"), Arguments.of("exporter.concurrency", "-1"),
                Arguments.of("exporter.concurrency", "99999999999"), Arguments.of("exporter.concurrency", "four"),
                Arguments.of("exporter.scheduler-tick", "0s"), Arguments.of("exporter.scheduler-tick", "-1s"),
                Arguments.of("exporter.default-mount", "../sys"), Arguments.of("exporter.default-mount", "pki\u0000int"),
                Arguments.of("exporter.default-mount", "pki int"), Arguments.of("exporter.default-mount", "pki?x=1"),
                // exports from configuration
                Arguments.of("exporter.exports.web.source", "shell"),
                Arguments.of("exporter.exports.web.ttl", "-1h"),
                Arguments.of("exporter.exports.web.ip-sans", "not-an-ip"),
                Arguments.of("exporter.exports.web.mount", "pki/../sys"),
                Arguments.of("exporter.exports.web.key-bits", "-256"),
                Arguments.of("exporter.exports.web.formats", "exe"),
                Arguments.of("exporter.exports.web.hook.command", "sh"),
                Arguments.of("exporter.exports.web.hook", "restart-all"),
                Arguments.of("exporter.exports.web.hook", "Not A Name"),
                Arguments.of("exporter.exports.web.renew-window", "Mo-Fr 02:00-04:00"),
                Arguments.of("exporter.exports.web.renew-window", "00:00-00:00"),
                Arguments.of("exporter.exports.web.renew-window", "Mon 02:00-04:00 Mars/Olympus"),
                Arguments.of("exporter.exports.web.renew-window-floor", "-1h"),
                // hooks
                Arguments.of("exporter.hooks.reload.command", ""),
                Arguments.of("exporter.hooks.reload.command", " ,-s"),
                Arguments.of("exporter.hooks.reload.timeout", "-1s"), Arguments.of("exporter.hooks.reload.timeout", "0s"),
                Arguments.of("exporter.hooks.reload.timeout", "11m"), Arguments.of("exporter.hooks.reload.timeout", "soon"),
                Arguments.of("exporter.hooks.reload.environment", "VAULT_TOKEN=hvs.x"),
                Arguments.of("exporter.hooks.reload.environment", "EXPORT_NAME=spoofed"),
                Arguments.of("exporter.hooks.reload.environment", "no-equals-sign"),
                Arguments.of("exporter.hooks.reload.environment", "BAD NAME=x"),
                Arguments.of("exporter.hooks.reload.comand", "nginx"),
                Arguments.of("exporter.hooks.nginx.reload.command", "nginx"),
                Arguments.of("exporter.exports._web.source", "issuer"),
                // API tokens
                Arguments.of("exporter.api.tokens[0].name", "d\u00e9ployer"),
                Arguments.of("exporter.api.tokens[0].sha256", "zz"),
                Arguments.of("exporter.api.tokens[0].scopes", "admin"),
                Arguments.of("exporter.api.tokens[0].token-file", "/nonexistent/../token"),
                Arguments.of("exporter.api.max-body-size", "-1"), Arguments.of("exporter.api.max-body-size", "lots"),
                Arguments.of("exporter.audit.keep", "-1"), Arguments.of("exporter.audit.keep", "101"),
                Arguments.of("exporter.audit.max-size", "huge"),
                // files
                Arguments.of("exporter.files.key-mode", "0777"), Arguments.of("exporter.files.key-mode", "rw"),
                Arguments.of("exporter.files.key-mode", "0640"),
                Arguments.of("exporter.files.keep-versions", "-1"), Arguments.of("exporter.files.grace", "-1s"),
                Arguments.of("exporter.files.pkcs12-password-file", "/nonexistent/p12.pass"),
                // renewal
                Arguments.of("exporter.renewal.renew-before-percent", "0"),
                Arguments.of("exporter.renewal.renew-before-percent", "100"),
                Arguments.of("exporter.renewal.renew-before-percent", "-1"),
                Arguments.of("exporter.renewal.jitter-percent", "101"),
                Arguments.of("exporter.renewal.jitter-cap", "-1s"),
                Arguments.of("exporter.renewal.min-issuance-interval", "-1s"),
                Arguments.of("exporter.renewal.retry-initial", "0s"),
                Arguments.of("exporter.renewal.retry-max", "1s"),
                Arguments.of("exporter.renewal.window-floor-percent", "0"),
                Arguments.of("exporter.renewal.window-floor-percent", "91"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badSettings")
    void aBadSettingStopsStartUpNamingItAndWritesNothing(String setting, String value, @TempDir Path root)
            throws IOException {
        Map<String, Object> p = new HashMap<>();
        p.put("vault.address", vault.url().toString());
        p.put("vault.token", vault.rootToken());
        p.put("vault.allow-root-token", "true");
        p.put("vault.auth.method", "token");
        p.put("micronaut.server.port", -1);
        p.put("exporter.path", root.toString());
        p.put("exporter.files.pkcs12-password", SECRET);
        if (setting.startsWith("exporter.api.tokens[0].")) {
            p.put("exporter.api.tokens[0].name", "deployer");
            p.put("exporter.api.tokens[0].sha256", "0".repeat(64));
            p.put("exporter.api.tokens[0].scopes", "read");
            if (setting.endsWith("token-file")) {
                p.remove("exporter.api.tokens[0].sha256");
            }
        }
        if (setting.startsWith("exporter.exports.web.") && !setting.equals("exporter.exports.web.hook.command")) {
            p.put("exporter.exports.web.source", "issue");
            p.put("exporter.exports.web.mount", "pki");
            p.put("exporter.exports.web.role", "web");
            p.put("exporter.exports.web.common-name", "web.example.com");
            p.put("exporter.exports.web.hook", "reload");
        }
        if (setting.startsWith("exporter.hooks.") || setting.startsWith("exporter.exports.web.")) {
            p.put("exporter.hooks.reload.command", "true");
        }
        p.put(setting, value);

        Throwable failure = catchThrowable(() -> {
            try (ApplicationContext app = ApplicationContext.builder().properties(p).start()) {
                app.getBean(EmbeddedServer.class).start();
            }
        });

        assertThat(failure).as("start-up with %s=%s", setting, value).isNotNull();
        String settingName = setting.replace("[0]", "");
        assertThat(messages(failure)).as("messages of the start-up failure").contains(
                setting.startsWith("exporter.exports._web") ? "exporter.exports." : settingName.substring(settingName.lastIndexOf('.') + 1));
        assertThat(messages(failure)).doesNotContain(SECRET);
        try (Stream<Path> written = Files.walk(root)) {
            // an empty .state/locks directory may already exist when the API tokens are checked; no file is written
            assertThat(written.filter(Files::isRegularFile)).as("files written under the export root").isEmpty();
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
