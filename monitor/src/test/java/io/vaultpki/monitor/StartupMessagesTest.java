package io.vaultpki.monitor;

import io.vaultpki.testkit.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor's real main in a child JVM, with one wrong setting at a time: it stops with a non-zero status and one
 * to three short lines on stderr that name the setting, never a stack trace.
 */
class StartupMessagesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path home;

    /** A complete, valid environment that one case then spoils (no Vault is ever reached: the settings fail first). */
    private Map<String, String> environment(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "VAULT_ADDR", "http://127.0.0.1:1",
                "VAULT_TOKEN", "hvs.startup-test-token-never-sent", "MONITOR_PORT", "-1"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(List.of("VAULT_ADDR", "vault:8200"),
                        "VAULT_ADDR: not a valid URL: vault:8200 (scheme must be http or https)"),
                Arguments.of(List.of("VAULT_CACERT", "/nonexistent/ca.pem"),
                        "VAULT_CACERT: file /nonexistent/ca.pem does not exist"),
                Arguments.of(List.of("MONITOR_INTERVAL", "every hour"),
                        "MONITOR_INTERVAL is not a duration such as 90s or 1h: every hour"),
                Arguments.of(List.of("MONITOR_REFRESH_CONCURRENCY", "many"),
                        "monitor.refresh.concurrency: not a valid int: 'many' (environment variable MONITOR_REFRESH_CONCURRENCY)"),
                Arguments.of(List.of("MONITOR_REFRESH_CONCURRENCY", "0"),
                        "monitor.refresh.concurrency must be at least 1, was 0"),
                Arguments.of(List.of("METRIC_UPDATE_INTERVAL", "1h"), "METRIC_UPDATE_INTERVAL (monitor.refresh.interval): "
                        + "not a positive whole number of seconds such as 3600, was '1h'"),
                Arguments.of(List.of("MONITOR_TLS_KEY", "/nonexistent/key.pem"),
                        "MONITOR_TLS_KEY is set but MONITOR_TLS_CERT is not"),
                Arguments.of(List.of("VAULT_AUTH_METHOD", "approle"),
                        "vault.auth.role-id: vault.auth.role-id must be set when vault.auth.method=approle"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void aBadSettingStopsStartUpWithOneShortLineNamingIt(List<String> setting, String expected) {
        ChildJvm.Result r = ChildJvm.run(Application.class, List.of(), environment(setting.toArray(String[]::new)), TIMEOUT);
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
        assertThat(r.stderrLines()).containsExactly("vault-pki-monitor: configuration error: " + expected);
        assertThat(r.stderr() + r.stdout()).doesNotContain("\tat ", "Path Taken", "Exception");
    }

    @Test
    void withNeitherVaultAddrNorCredentialsNorDemoTheMessageNamesTheDefaultAddressAndSuggestsDemo() {
        ChildJvm.Result r = ChildJvm.run(Application.class, List.of(),
                environment("VAULT_ADDR", null, "VAULT_TOKEN", null), TIMEOUT);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderrLines()).containsExactly(
                "vault-pki-monitor: configuration error: vault.auth.method: auto found no Vault credentials: set "
                        + "VAULT_TOKEN (vault.token), write " + home.resolve(".vault-token") + ", or set VAULT_ROLE "
                        + "(vault.auth.role) for Kubernetes login",
                "vault-pki-monitor: VAULT_ADDR is not set, so it would use https://127.0.0.1:8200, the Vault CLI's "
                        + "default; to try it without a Vault, run it with --demo");
        assertThat(r.stderr()).doesNotContain("\tat ");
    }

    @Test
    void withoutVaultAddrTheRunningMonitorWarnsWhichAddressItUsesAndSuggestsDemo() {
        try (ChildJvm monitor = ChildJvm.start(Application.class, List.of(), environment("VAULT_ADDR", null))) {
            monitor.awaitOutput("VAULT_ADDR is not set: using https://127.0.0.1:8200, the Vault CLI's default; to try "
                    + "it without a Vault, run it with --demo", TIMEOUT);
            monitor.stop(TIMEOUT);
        }
    }

    @Test
    void aPortInUseStopsStartUpWithOneLineNamingThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            ChildJvm.Result r = ChildJvm.run(Application.class, List.of(),
                    environment("MONITOR_PORT", String.valueOf(taken.getLocalPort())), TIMEOUT);
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderrLines()).containsExactly("vault-pki-monitor: cannot listen: port " + taken.getLocalPort()
                    + " is already in use; set MONITOR_PORT (or micronaut.server.port) to a free port.");
        }
    }

    @Test
    void theStackTraceAppearsOnlyWhenTheStartUpLoggerIsAtDebug() {
        ChildJvm.Result r = ChildJvm.run(Application.class, List.of(), environment("VAULT_ADDR", "vault:8200",
                "LOGGER_LEVELS_IO_VAULTPKI_SUPPORT_STARTUP", "DEBUG"), TIMEOUT);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderrLines()).hasSize(1);
        assertThat(r.stdout()).contains("vault-pki-monitor did not start", "\tat ", "VaultConfigurationException");
    }
}
