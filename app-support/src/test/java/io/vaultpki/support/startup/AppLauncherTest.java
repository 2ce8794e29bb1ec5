package io.vaultpki.support.startup;

import io.micronaut.context.ApplicationContext;
import io.vaultpki.testkit.CapturedLog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The launcher in-process, with vault-client's factory on the classpath (as in both apps). The apps' own tests run
 * their real main in a child JVM; these cover what is hard to provoke there.
 */
class AppLauncherTest {

    private static final String[] NO_ARGS = {};

    private final AppLauncher launcher = AppLauncher.forApp("test-app", AppLauncherTest.class).demoFlag("--demo")
            .environment(Map.of());

    @Test
    void aBadSettingPrintsOneLineAndExitsWithTheConfigurationStatus() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger status = new AtomicInteger(-1);
        launcher.run(NO_ARGS, atExit -> Map.of("vault.address", "vault:8200", "vault.auth.method", "token",
                "vault.token", "x"), new PrintStream(err, true, StandardCharsets.UTF_8), status::set);
        assertThat(status).hasValue(StartupFailure.CONFIGURATION_EXIT_CODE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("test-app: configuration error: vault.address: "
                + "not a valid URL: vault:8200 (scheme must be http or https)" + System.lineSeparator());
    }

    @Test
    void startWithoutServerRunsTheContextButBindsNoPort() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0);
             ApplicationContext context = launcher.startWithoutServer(NO_ARGS, atExit -> Map.of(
                     "vault.address", "http://127.0.0.1:1", "vault.auth.method", "token", "vault.token", "x",
                     "micronaut.server.port", taken.getLocalPort()), "once")) {
            assertThat(context.isRunning()).isTrue();
            assertThat(context.getEnvironment().getActiveNames()).contains("once");
            // the server bean may exist, but it never started: its port is the one another socket holds
            assertThat(context.findBean(io.micronaut.runtime.server.EmbeddedServer.class)
                    .map(io.micronaut.runtime.server.EmbeddedServer::isRunning)).isNotEqualTo(java.util.Optional.of(true));
        }
    }

    @Test
    void startWithoutServerExplainsABadSettingAsStartDoes() {
        assertThatThrownBy(() -> launcher.startWithoutServer(NO_ARGS, atExit -> Map.of("vault.address", "vault:8200",
                "vault.auth.method", "token", "vault.token", "x"), "once"))
                .isInstanceOfSatisfying(StartupFailedException.class, e -> {
                    assertThat(e.failure().exitCode()).isEqualTo(StartupFailure.CONFIGURATION_EXIT_CODE);
                    assertThat(e.lines()).containsExactly("test-app: configuration error: vault.address: not a valid "
                            + "URL: vault:8200 (scheme must be http or https)");
                });
    }

    @Test
    void withoutVaultAddrAConfigurationErrorNamesTheDefaultAddressAndSuggestsTheDemoFlag() {
        assertThatThrownBy(() -> launcher.start(NO_ARGS, atExit -> Map.of("vault.auth.method", "token")))
                .isInstanceOfSatisfying(StartupFailedException.class, e -> assertThat(e.lines()).containsExactly(
                        "test-app: configuration error: vault.token: vault.token (or VAULT_TOKEN) must be set when "
                                + "vault.auth.method=token",
                        "test-app: VAULT_ADDR is not set, so it would use https://127.0.0.1:8200, the Vault CLI's "
                                + "default; to try it without a Vault, run it with --demo"));
    }

    @Test
    void withVaultAddrSetThereIsNoAddressHint() {
        AppLauncher withAddr = AppLauncher.forApp("test-app", AppLauncherTest.class).demoFlag("--demo")
                .environment(Map.of("VAULT_ADDR", "https://vault.example:8200"));
        assertThatThrownBy(() -> withAddr.start(NO_ARGS, atExit -> Map.of("vault.auth.method", "token")))
                .isInstanceOfSatisfying(StartupFailedException.class, e -> assertThat(e.lines()).hasSize(1));
    }

    @Test
    void withoutVaultAddrTheRunningAppWarnsOnceWhichAddressItUsesAndSuggestsTheDemoFlag() throws Exception {
        try (CapturedLog log = new CapturedLog();
             ApplicationContext context = launcher.start(NO_ARGS, atExit -> Map.of("vault.auth.method", "token",
                     "vault.token", "x"))) {
            assertThat(context.isRunning()).isTrue();
            assertThat(log.lines()).filteredOn(l -> l.contains("VAULT_ADDR")).containsExactly(
                    "io.vaultpki.support.startup.AppLauncher: VAULT_ADDR is not set: using https://127.0.0.1:8200, "
                            + "the Vault CLI's default; to try it without a Vault, run it with --demo");
        }
    }

    @Test
    void inDemoModeNeitherTheWarningNorTheHintAppears() throws Exception {
        try (CapturedLog log = new CapturedLog();
             ApplicationContext context = launcher.start(new String[] {"--demo"}, atExit -> Map.of(
                     "vault.address", "http://127.0.0.1:1", "vault.auth.method", "token", "vault.token", "x"))) {
            assertThat(context.isRunning()).isTrue();
            assertThat(log.lines()).noneMatch(l -> l.contains("VAULT_ADDR"));
        }
    }

    @Test
    void aFailureReleasesWhatThePreparationRegisteredNewestFirst() {
        List<String> closed = new ArrayList<>();
        assertThatThrownBy(() -> launcher.start(NO_ARGS, atExit -> {
            atExit.accept(() -> closed.add("demo vault"));
            atExit.accept(() -> closed.add("demo directory"));
            return Map.of("vault.address", "vault:8200");
        })).isInstanceOf(StartupFailedException.class);
        assertThat(closed).containsExactly("demo directory", "demo vault");
    }

    @Test
    void aFailingPreparationIsOneLineToo() {
        assertThatThrownBy(() -> launcher.start(new String[] {"--demo"}, atExit -> {
            throw new IllegalStateException("another demo is running in /tmp/x-demo; stop it first");
        })).isInstanceOfSatisfying(StartupFailedException.class, e -> {
            assertThat(e.lines()).containsExactly("test-app: cannot start: IllegalStateException: another demo is "
                    + "running in /tmp/x-demo; stop it first");
            assertThat(e.failure().exitCode()).isEqualTo(StartupFailure.FAILURE_EXIT_CODE);
        });
    }

    @Test
    void theStackTraceIsLoggedAtDebugOnly() {
        try (CapturedLog log = new CapturedLog()) {   // sets io.vaultpki to DEBUG
            assertThatThrownBy(() -> launcher.start(NO_ARGS, atExit -> Map.of("vault.address", "vault:8200")))
                    .isInstanceOf(StartupFailedException.class);
            assertThat(log.lines()).anyMatch(l -> l.startsWith("io.vaultpki.support.startup.AppLauncher: test-app did "
                    + "not start |") && l.contains("VaultConfigurationException"));
        }
    }
}
