package io.vaultpki.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One application (the monitor's or the exporter's own runnable jar) in a child JVM, as it runs in production: its
 * own heap, its own HTTP server on a free loopback port, configured by {@code -D} properties and the environment.
 * The JVM flags are the container images' ({@link ImageJvmOptions}, the {@code jvm.options} beside the jar) under
 * the charts' default memory limit, simulated with {@code -XX:MaxRAM}. Output goes to {@code <name>.log} in the work
 * directory.
 */
final class ChildApp implements AutoCloseable {

    /** The charts' and the Nomad jobs' default memory limit, which the JVM sizes its heap from. */
    static final int SIMULATED_LIMIT_MIB = 192;

    private static final String HOST_CLASS = "io/vaultpki/bench/AppHost.class";

    /**
     * How the child starts, besides the images' flags. {@code jvmArgs} come after them (e.g. the class archive);
     * {@code plainJar} runs {@code java ... -jar <jar>} exactly as the images do, without the bench's {@link AppHost}
     * (so no {@link #memoryAfterGc()}), and stops it with SIGTERM like an orchestrator.
     */
    /** A generation's or a whole heap's "total …K, used …K" in {@code jcmd GC.heap_info}, whatever the collector. */
    private static final Pattern HEAP_USED =
            Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K");

    record Launch(List<String> jvmArgs, boolean plainJar) {
        static final Launch HOSTED = new Launch(List.of(), false);
    }

    private final String name;
    private final Process process;
    private final PrintWriter control;
    private final boolean plainJar;
    private final long startedNanos;
    private final BlockingQueue<String> memoryLines = new LinkedBlockingQueue<>();
    private final Path log;
    final int port;
    final URI url;
    /** From starting the process to the first 200 on the ready path, and the child's CPU time then. */
    private double readySeconds = Double.NaN;
    private double readyCpuSeconds = Double.NaN;

    private ChildApp(String name, Process process, boolean plainJar, long startedNanos, int port, Path log) {
        this.name = name;
        this.process = process;
        this.plainJar = plainJar;
        this.startedNanos = startedNanos;
        this.port = port;
        this.log = log;
        this.url = URI.create("http://127.0.0.1:" + port);
        this.control = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread drain = new Thread(() -> drain(process.getInputStream()), name + "-output");
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Starts {@code mainClass} from {@code jar} with {@code properties} as {@code -D} and {@code environment} added
     * (secrets go through the environment, never the command line), and waits until {@code readyPath} answers 200.
     */
    static ChildApp start(String name, Path jar, String mainClass, Map<String, String> properties,
                          Map<String, String> environment, Path workDir, String readyPath, Duration timeout) {
        return start(name, jar, mainClass, properties, environment, workDir, readyPath, timeout, Launch.HOSTED);
    }

    /** As above, started as {@code launch} says. */
    static ChildApp start(String name, Path jar, String mainClass, Map<String, String> properties,
                          Map<String, String> environment, Path workDir, String readyPath, Duration timeout,
                          Launch launch) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first (./mvnw -B -q -DskipTests package)");
        }
        try {
            Path hostDir = workDir.resolve("host");
            Path hostClass = hostDir.resolve(HOST_CLASS);
            if (!Files.exists(hostClass)) {
                Files.createDirectories(hostClass.getParent());
                try (InputStream in = ChildApp.class.getResourceAsStream("/" + HOST_CLASS)) {
                    Files.copy(in, hostClass);
                }
            }
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(ImageJvmOptions.of(jar));
            command.add("-XX:MaxRAM=" + SIMULATED_LIMIT_MIB + "m");
            command.addAll(launch.jvmArgs());
            command.add("-Djava.io.tmpdir=" + workDir);
            command.add("-Dmicronaut.server.port=" + port);
            command.add("-Dmicronaut.server.host=127.0.0.1");
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            if (launch.plainJar()) {
                command.add("-jar");
                command.add(jar.toString());
            } else {
                command.add("-cp");
                command.add(jar + java.io.File.pathSeparator + hostDir);
                command.add("io.vaultpki.bench.AppHost");
                command.add(mainClass);
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("VAULT_") || k.startsWith("EXPORTER_")
                    || k.startsWith("MONITOR_") || k.equals("PKI_MOUNT_PATH") || k.equals("CERT_EXPORT_PATH")
                    || k.equals("METRIC_UPDATE_INTERVAL") || k.equals("JAVA_TOOL_OPTIONS"));
            builder.environment().putAll(environment);
            Path log = workDir.resolve(name + ".log");
            long started = System.nanoTime();
            ChildApp app = new ChildApp(name, builder.start(), launch.plainJar(), started, port, log);
            app.awaitReady(readyPath, timeout);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private void drain(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(AppHost.MEMORY_LINE)) {
                    memoryLines.add(line);
                }
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // the child ended
        }
    }

    private void awaitReady(String path, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url.resolve(path))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    readySeconds = (System.nanoTime() - startedNanos) / 1e9;
                    readyCpuSeconds = cpuTime().toNanos() / 1e9;
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            Poll.pause(Duration.ofMillis(10)); // start-up is timed to this step
        }
        close();
        throw new IllegalStateException(name + " did not answer 200 on " + path + " within " + timeout + "; see " + log);
    }

    /** Seconds from starting the process to the first 200 on its ready path. */
    double readySeconds() {
        return readySeconds;
    }

    /** The child's CPU time (user + system, all threads) when it first answered 200 on its ready path. */
    double readyCpuSeconds() {
        return readyCpuSeconds;
    }

    /**
     * Resident memory (KiB), heap used (bytes) and live Java threads after a full GC in the child: asked of the
     * bench's host, or of the JVM's own {@code jcmd} when the child runs as the image runs it ({@code -jar}).
     */
    long[] memoryAfterGc() {
        if (plainJar) {
            jcmd("GC.run");
            long heap = 0;
            for (String line : jcmd("GC.heap_info")) {
                Matcher used = HEAP_USED.matcher(line);
                if (used.find()) {
                    heap += Long.parseLong(used.group(1)) * 1024;
                }
            }
            long javaThreads = jcmd("Thread.print").stream().filter(l -> l.contains("java.lang.Thread.State:")).count();
            return new long[] {rssKiB(), heap, javaThreads};
        }
        control.println("mem");
        try {
            String line = memoryLines.poll(30, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException(name + " did not report its memory; see " + log);
            }
            long rss = Long.parseLong(line.replaceAll(".*rss=(-?\\d+).*", "$1"));
            long heap = Long.parseLong(line.replaceAll(".*heap=(\\d+).*", "$1"));
            long threads = Long.parseLong(line.replaceAll(".*threads=(\\d+).*", "$1"));
            return new long[] {rss, heap, threads};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The JDK's {@code jcmd} run against the child: its output lines. */
    private List<String> jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), command)
                    .redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().toList();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed for " + name + ": " + lines);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Resident memory the child cannot give back (RssAnon) and mapped files (RssFile + RssShmem), in KiB. */
    long[] rssSplitKiB() {
        return new long[] {status("RssAnon:"), status("RssFile:") + Math.max(0, status("RssShmem:"))};
    }

    /** The child's VmRSS in KiB, read from /proc by pid (-1 without /proc). */
    long rssKiB() {
        return status("VmRSS:");
    }

    /** The child's peak resident memory so far (VmHWM) in KiB (-1 without /proc). */
    long peakRssKiB() {
        return status("VmHWM:");
    }

    /** The child's threads, JVM-internal ones included (-1 without /proc). */
    long threads() {
        return status("Threads:");
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time the child has used so far (user + system, all threads); zero where the OS does not tell. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() {
        control.close();
        if (plainJar) {
            process.destroy(); // SIGTERM, as an orchestrator stops a container
        }
        try {
            if (!process.waitFor(plainJar ? 20 : 10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
