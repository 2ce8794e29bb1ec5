package io.vaultpki.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaultpki.emulator.VaultEmulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The exporter restarted with many exports whose files are valid: created once through the API (each answer 201
 * means issued, written and its spec persisted), the exporter stopped with SIGTERM, then started again as the image
 * starts it (its flags and class archive). Measured: the time from the new process to {@code /health/readiness} UP,
 * and every request the emulator saw from that start until a few renewal-scheduler ticks after it (adopting valid
 * files needs none).
 */
final class ExporterRestart {

    private static final String API = "/api/v1/certificates";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Bench.Options options;
    private final Report report;
    private final VaultEmulator emu;
    private final int exports;
    /** After readiness: long enough for the renewal scheduler (1 s tick) to act on anything it found due. */
    private final Duration settle;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The API token; only its SHA-256 reaches the child's configuration. */
    private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));

    ExporterRestart(Bench.Options options, Report report, VaultEmulator emu) {
        this.options = options;
        this.report = report;
        this.emu = emu;
        this.exports = options.quick() ? 40 : 1000;
        this.settle = Duration.ofSeconds(options.quick() ? 2 : 3);
    }

    /** The exporter configured like a deployment; {@code tokenSha256} null: no API token (the API answers 404). */
    static Map<String, String> properties(VaultEmulator emu, Path exportRoot, String tokenSha256) {
        Map<String, String> props = new HashMap<>();
        props.put("vault.address", emu.url().toString());
        props.put("vault.auth.method", "token");
        props.put("vault.allow-root-token", "true");
        props.put("exporter.path", exportRoot.toString());
        props.put("exporter.default-mount", "pki_int");
        if (tokenSha256 != null) {
            props.put("exporter.api.tokens[0].name", "bench");
            props.put("exporter.api.tokens[0].sha256", tokenSha256);
            props.put("exporter.api.tokens[0].scopes", "read,write");
        }
        return props;
    }

    void run(ClassArchive archive) {
        Path root = options.workDir().resolve("restart-exports");
        Bench.deleteTree(root); // a reused --work-dir must not bring back the previous run's exports
        Map<String, String> props = properties(emu, root, sha256(token));
        Map<String, String> env = Map.of("VAULT_TOKEN", emu.rootToken());
        emu.faults().clear();
        try (ChildApp exporter = ChildApp.start("exporter-fill", options.exporterJar(), FootprintBench.EXPORTER_MAIN,
                props, env, options.workDir(), "/health/readiness", Duration.ofSeconds(60))) {
            long started = System.nanoTime();
            createAll(exporter.url.resolve(API));
            Bench.progress("exporter: " + exports + " exports created in "
                    + Report.fmt((System.nanoTime() - started) / 1e9) + " s; restarting it");
        }
        emu.requests().clear();
        try (ChildApp exporter = ChildApp.start("exporter-restart", options.exporterJar(), null, props, env,
                options.workDir(), "/health/readiness", Duration.ofSeconds(120),
                new ChildApp.Launch(archive.jvmArgs(), true))) {
            double ready = exporter.readySeconds();
            long atReady = emu.requests().all().size();
            Poll.pause(settle);
            Map<String, Integer> calls = new TreeMap<>();
            emu.requests().all().forEach(r -> calls.merge(r.method() + " " + r.path(), 1, Integer::sum));
            long vaultCalls = calls.values().stream().mapToLong(Integer::longValue).sum();
            int listed = list(exporter.url.resolve(API));
            report.row("exporter.restart", "exporter restart with " + String.format("%,d", exports)
                            + " exports on disk to `/health/readiness` UP",
                    Report.fmt(ready) + " s, " + vaultCalls + " Vault requests",
                    "CPU " + Report.fmt(exporter.readyCpuSeconds()) + " s of the child; " + listed + "/" + exports
                            + " exports listed; Vault requests from the start to " + settle.toSeconds()
                            + " s after ready (" + atReady + " before ready)" + (calls.isEmpty() ? "" : ": " + calls)
                            + "; as the image starts it (jvm.options, AppCDS)");
            report.row("memory.exporter", "exporter memory at rest with " + String.format("%,d", exports)
                            + " exports (after the restart)",
                    "RSS " + Report.fmt(exporter.rssKiB() / 1024.0) + " MiB",
                    "peak (VmHWM) " + Report.fmt(exporter.peakRssKiB() / 1024.0) + " MiB; " + exporter.threads()
                            + " threads; no GC forced; " + FootprintBench.imageFlags());
            report.target("target.restart", "exporter restart with " + String.format("%,d", exports)
                    + " valid exports ready in ≤ 3 s", ready, 3, "s", "start-up is CPU-bound (" + Report.fmt(
                    exporter.readyCpuSeconds()) + " s of CPU) on 2 shared cores; every export's files are read and "
                    + "checked once");
            report.target("target.restart.vault", "… with 0 Vault calls", vaultCalls, 0, "requests",
                    "requests seen: " + calls);
        }
    }

    /** Creates the exports from 4 concurrent clients; each 201 means issued, written and persisted. */
    private void createAll(URI api) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < exports; i++) {
                String name = String.format("restart-%04d", i);
                futures.add(pool.submit(() -> create(api, name)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("creating exports failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void create(URI api, String name) {
        String body = "{\"name\":\"" + name + "\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\","
                + "\"common_name\":\"" + name + ".example.com\"}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + name + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** How many exports {@code GET /api/v1/certificates} lists; -1 when it fails. */
    private int list(URI api) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(30)));
        try {
            JsonNode body = JSON.readTree(r.body());
            JsonNode items = body.isArray() ? body : body.path("certificates");
            return r.statusCode() == 200 && items.isArray() ? items.size() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
