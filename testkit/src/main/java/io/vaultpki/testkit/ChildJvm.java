package io.vaultpki.testkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app's real {@code main} in a child JVM, as {@code java -jar} runs it: the module's main classpath (the test
 * classes and their {@code application-test.yml} are left out), a clean environment (only {@code PATH} and what the
 * test gives, so the developer's {@code VAULT_*} variables never leak in) and its own stdout and stderr.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Output stdout;
    private final Output stderr;

    private ChildJvm(Process process) {
        this.process = process;
        this.stdout = new Output(process.getInputStream(), "child-stdout");
        this.stderr = new Output(process.getErrorStream(), "child-stderr");
    }

    /** What a finished child printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {

        /** stderr's non-empty lines. */
        public List<String> stderrLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Starts {@code mainClass} with {@code args} and exactly {@code environment} (plus {@code PATH}). */
    public static ChildJvm start(Class<?> mainClass, List<String> args, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");   // start-up speed over peak performance: these runs are short
        command.add("-cp");
        command.add(mainClasspath());
        command.add(mainClass.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        try {
            return new ChildJvm(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code mainClass} to its end (at most {@code timeout}). */
    public static Result run(Class<?> mainClass, List<String> args, Map<String, String> environment, Duration timeout) {
        try (ChildJvm child = start(mainClass, args, environment)) {
            return child.awaitExit(timeout);
        }
    }

    /** Waits until stdout or stderr contains {@code text}; fails after {@code timeout} or when the child exits first. */
    public void awaitOutput(String text, Duration timeout) {
        Await.until("child output containing '" + text + "' (stdout: " + stdout.text() + ", stderr: " + stderr.text()
                + ")", timeout, () -> {
                    boolean seen = stdout.text().contains(text) || stderr.text().contains(text);
                    assertThat(seen || process.isAlive()).as("child exited with %s before printing '%s': %s %s",
                            process.isAlive() ? "-" : process.exitValue(), text, stdout.text(), stderr.text()).isTrue();
                    return seen;
                });
    }

    /** Sends SIGTERM (the JVM runs its shutdown hooks) and waits for the end. */
    public Result stop(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    public Result awaitExit(Duration timeout) {
        try {
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(ended).as("child ended within %s (stdout: %s, stderr: %s)", timeout, stdout.text(), stderr.text())
                    .isTrue();
            stdout.join();
            stderr.join();
            return new Result(process.exitValue(), stdout.text(), stderr.text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String stdout() {
        return stdout.text();
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** This JVM's classpath without the test classes of any module. */
    static String mainClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Collects one output stream of the child on a daemon thread. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread reader;

        Output(InputStream in, String name) {
            reader = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, n);
                        }
                    }
                } catch (IOException closed) {
                    // the child ended
                }
            }, name);
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        void join() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
