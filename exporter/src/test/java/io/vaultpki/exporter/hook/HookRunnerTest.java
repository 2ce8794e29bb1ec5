package io.vaultpki.exporter.hook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class HookRunnerTest {

    private static final Instant NOT_AFTER = Instant.parse("2031-02-03T04:05:06Z");

    @TempDir
    Path dir;

    private final HookRunner runner = new HookRunner();

    private HookContext context() {
        return new HookContext("web", dir, "3c:9f:01", NOT_AFTER, "web.example.com");
    }

    private static HookConfiguration sh(String script, Duration timeout) {
        return HookConfiguration.of("test-hook", List.of("sh", "-c", script), timeout);
    }

    @Test
    void successfulHookSeesTheExportVariablesInTheExportDirectory() throws IOException {
        HookResult result = runner.run(sh("printf '%s|%s|%s|%s|%s' \"$EXPORT_NAME\" \"$EXPORT_DIR\" \"$EXPORT_SERIAL\" "
                + "\"$EXPORT_NOT_AFTER\" \"$EXPORT_COMMON_NAME\" > out", Duration.ofSeconds(30)), context());

        assertThat(result.outcome()).isEqualTo(HookResult.Outcome.SUCCESS);
        assertThat(result.wire()).isEqualTo("success");
        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("out")))
                .isEqualTo("web|" + dir + "|3c:9f:01|2031-02-03T04:05:06Z|web.example.com");
    }

    @Test
    void commandIsRunWithoutAShell() throws IOException {
        HookResult result = runner.run(HookConfiguration.of("touch", List.of("touch", "a b; touch c"), Duration.ofSeconds(30)),
                context());

        assertThat(result.outcome()).isEqualTo(HookResult.Outcome.SUCCESS);
        assertThat(dir.resolve("a b; touch c")).exists();
        assertThat(dir.resolve("c")).doesNotExist();
    }

    @Test
    void nonZeroExitIsAFailureWithItsExitCodeAndLastOutputLine() {
        HookResult result = runner.run(sh("echo starting; echo 'reload refused' >&2; exit 3", Duration.ofSeconds(30)), context());

        assertThat(result.outcome()).isEqualTo(HookResult.Outcome.FAILURE);
        assertThat(result.wire()).isEqualTo("failure");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.detail()).isEqualTo("exit 3: reload refused");
    }

    @Test
    void outputMentioningAPrivateKeyIsNeverQuoted() {
        HookResult result = runner.run(sh("echo '-----BEGIN PRIVATE KEY-----'; echo MIIEvQIBADANBg; exit 1",
                Duration.ofSeconds(30)), context());

        assertThat(result.detail()).isEqualTo("exit 1");
    }

    @Test
    void chattyHookNeverBlocksOnItsOutput() {
        // 8 MiB is far beyond any pipe buffer; without draining the hook would hang until its timeout
        HookResult result = runner.run(sh("head -c 8388608 /dev/zero | tr '\\0' x; echo; echo done",
                Duration.ofSeconds(60)), context());

        assertThat(result.outcome()).isEqualTo(HookResult.Outcome.SUCCESS);
        assertThat(result.detail()).isEqualTo("exit 0: done");
    }

    @Test
    void hookOverItsTimeoutIsKilledWithItsChildren() throws IOException {
        HookResult result = runner.run(sh("echo $$ > hook.pid; sleep 300 & echo $! > child.pid; wait",
                Duration.ofMillis(500)), context());

        assertThat(result.outcome()).isEqualTo(HookResult.Outcome.TIMEOUT);
        assertThat(result.wire()).isEqualTo("timeout");
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertGone(pid("hook.pid"));
        assertGone(pid("child.pid"));
    }

    @Test
    void hookIgnoringSigtermIsKilledForcibly() throws IOException {
        HookResult result = runner.run(sh("trap '' TERM; echo $$ > hook.pid; while :; do :; done",
                Duration.ofMillis(500)), context());

        assertThat(result.outcome()).isEqualTo(HookResult.Outcome.TIMEOUT);
        assertGone(pid("hook.pid"));
    }

    @Test
    void missingExecutableIsAFailureWithTheReason() {
        HookResult result = runner.run(HookConfiguration.of("reload", List.of("/nonexistent/reload-nginx"), Duration.ofSeconds(5)),
                context());

        assertThat(result.outcome()).isEqualTo(HookResult.Outcome.FAILURE);
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.detail()).startsWith("cannot start /nonexistent/reload-nginx").contains("No such file");
    }

    @Test
    void theHookGetsOnlyTheAllowListedEnvironmentWhateverTheExporterHolds() throws IOException {
        Map<String, String> exporterEnv = new java.util.HashMap<>(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "HOME", "/home/exporter", "LANG", "C.UTF-8", "LC_ALL", "C.UTF-8", "TZ", "UTC"));
        // credentials under every kind of name, including ones no marker list would catch
        exporterEnv.put("VAULT_TOKEN", "hvs.SECRET-vault-token");
        exporterEnv.put("VAULT_ADDR", "https://vault:8200");
        exporterEnv.put("APP_CONFIG", "hvs.SECRET-in-an-innocent-name");
        exporterEnv.put("EXPORTER_FILES_PKCS12_PASSWORD", "SECRET-p12");
        exporterEnv.put("JAVA_TOOL_OPTIONS", "-Dvault.token=hvs.SECRET-on-the-command-line");
        HookConfiguration hook = new HookConfiguration("reload", List.of("sh", "-c", "env > env.txt"),
                Duration.ofSeconds(30), List.of("RELOAD_MODE=graceful"));

        HookResult result = new HookRunner(exporterEnv).run(hook, context());

        assertThat(result.outcome()).isEqualTo(HookResult.Outcome.SUCCESS);
        String env = Files.readString(dir.resolve("env.txt"));
        assertThat(env).doesNotContain("SECRET").doesNotContain("VAULT_").doesNotContain("JAVA_TOOL_OPTIONS");
        Map<String, String> vars = new java.util.TreeMap<>();
        env.lines().filter(l -> l.contains("=")).forEach(l -> vars.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        // sh itself adds PWD (and may add SHLVL, _); everything else is exactly the documented set
        vars.keySet().removeAll(List.of("PWD", "SHLVL", "_", "OLDPWD"));
        assertThat(vars.keySet()).containsExactlyInAnyOrder("PATH", "HOME", "LANG", "LC_ALL", "TZ", "RELOAD_MODE",
                "EXPORT_NAME", "EXPORT_DIR", "EXPORT_SERIAL", "EXPORT_NOT_AFTER", "EXPORT_COMMON_NAME", "EXPORT_HOOK");
        assertThat(vars).containsEntry("RELOAD_MODE", "graceful").containsEntry("EXPORT_HOOK", "reload");
    }

    private long pid(String file) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(file)).strip());
    }

    /** Waits with a deadline: the kernel may take a moment to reap a killed process. */
    private static void assertGone(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        try {
            handle.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("process " + pid + " is still running", e);
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }
}
