package io.vaultpki.exporter.hook;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a configured post-write hook as a real process: the argv as configured (no shell), in the export's directory,
 * with an allow-listed environment ({@link HookEnvironment}) plus {@code EXPORT_*} variables. A hook can fail, hang or flood its output without
 * affecting the exporter: output is drained into a bounded tail, a hook over its timeout is terminated together
 * with its descendants, and every ending is reported as a {@link HookResult}, never as an exception.
 */
public final class HookRunner {

    /** Kept output: enough for an error message, small enough for thousands of exports. */
    static final int OUTPUT_TAIL_BYTES = 2048;
    private static final int DETAIL_MAX_CHARS = 200;
    /** How long a hook gets to exit after SIGTERM before it (and its descendants) get SIGKILL. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    /** How long to wait for the output pipe after exit; a backgrounded grandchild may hold it open forever. */
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(1);

    private final Map<String, String> inherited;

    /** Hooks inherit (the allow-listed part of) the exporter's own environment. */
    public HookRunner() {
        this(System.getenv());
    }

    /** For tests: {@code inherited} plays the exporter's environment. */
    HookRunner(Map<String, String> inherited) {
        this.inherited = Map.copyOf(inherited);
    }

    /**
     * Runs {@code hook.command()} with working directory {@code context.directory()} and the environment of
     * {@link HookEnvironment}: {@code EXPORT_NAME}, {@code EXPORT_DIR}, {@code EXPORT_SERIAL},
     * {@code EXPORT_NOT_AFTER} (RFC 3339), {@code EXPORT_COMMON_NAME}, {@code EXPORT_HOOK}. Never throws; kills the
     * process tree on timeout.
     */
    public HookResult run(HookConfiguration hook, HookContext context) {
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(hook.command())
                .directory(context.directory().toFile())
                .redirectErrorStream(true);
        var env = builder.environment();
        env.clear();
        env.putAll(HookEnvironment.of(inherited, hook.environmentVariables(), hook.name(), context));
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            return new HookResult(HookResult.Outcome.FAILURE, -1, since(started),
                    "cannot start " + (hook.command().isEmpty() ? "an empty command" : hook.command().get(0)) + ": "
                            + e.getMessage());
        }
        OutputTail tail = new OutputTail(OUTPUT_TAIL_BYTES);
        Thread drainer = new Thread(() -> tail.drain(process.getInputStream()),
                "hook-output-" + context.exportName());
        drainer.setDaemon(true);
        drainer.start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(hook.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                return new HookResult(HookResult.Outcome.TIMEOUT, -1, since(started),
                        "killed after the " + hook.timeout() + " timeout" + lastLine(tail));
            }
            drainer.join(DRAIN_WAIT.toMillis());
            int exit = process.exitValue();
            HookResult.Outcome outcome = exit == 0 ? HookResult.Outcome.SUCCESS : HookResult.Outcome.FAILURE;
            return new HookResult(outcome, exit, since(started), "exit " + exit + lastLine(tail));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(process);
            return new HookResult(HookResult.Outcome.FAILURE, -1, since(started), "interrupted; hook killed");
        } catch (IOException e) {
            // closing stdin failed: the process is already gone, so only its exit status remains to be read
            killTree(process);
            return new HookResult(HookResult.Outcome.FAILURE, -1, since(started), "hook input failed: " + e.getMessage());
        }
    }

    /**
     * SIGTERM to the hook and everything it started, SIGKILL to whatever is left after a grace period.
     * Descendants are collected first: once the parent dies they are re-parented and no longer findable.
     */
    private static void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The last output line, shortened, as a hint for the operator. Output that mentions a private key is dropped
     * whole: a hook may well print the files it just got, and the detail goes to logs and the audit trail.
     */
    private static String lastLine(OutputTail tail) {
        String text = tail.text().strip();
        if (text.isEmpty() || text.contains("PRIVATE KEY")) {
            return "";
        }
        String last = text.substring(text.lastIndexOf('\n') + 1).replaceAll("\\p{Cntrl}", " ").strip();
        if (last.length() > DETAIL_MAX_CHARS) {
            last = last.substring(0, DETAIL_MAX_CHARS) + "…";
        }
        return last.isEmpty() ? "" : ": " + last;
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    @Override
    public String toString() {
        return "HookRunner";
    }
}
