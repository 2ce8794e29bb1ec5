package io.vaultpki.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The exporter's numbers, from the exporter application in a child JVM driven through its REST API: exports
 * created (issued by Vault and written as files) per second, list and download latency under a fixed rate, and
 * the delay from an export's renewal time to its new files.
 */
final class ExporterBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/v1/certificates";

    private final Bench.Options options;
    private final Report report;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The API token; only its SHA-256 reaches the child's configuration. */
    private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));

    ExporterBench(Bench.Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    void run() {
        int creates = options.quick() ? 8 : 200;
        Duration loadTime = options.quick() ? Duration.ofMillis(1000) : Duration.ofSeconds(10);
        int listRate = 50;
        int downloadRate = 200;
        // Vault back-dates not_before by 30 s, so a short TTL's 2/3 point is already past at issuance: the renewal
        // export uses a 30 s TTL with renew_before 28 s, i.e. due 2 s after each issuance
        Duration shortTtl = Duration.ofSeconds(30);
        int renewals = options.quick() ? 1 : 3;

        try (VaultEmulator emu = VaultEmulator.builder().start()) {
            PkiMount intMount = Seeds.exportMounts(emu, "Bench");
            intMount.role(RoleSpec.named("short").allowedDomains("example.com").allowSubdomains(true)
                    .key(KeyAlgorithm.EC_P256).ttl(shortTtl).maxTtl(shortTtl));

            Path exports = options.workDir().resolve("exports");
            Bench.deleteTree(exports); // a reused --work-dir must not bring back the previous run's exports
            Map<String, String> props = new HashMap<>();
            props.put("vault.address", emu.url().toString());
            props.put("vault.auth.method", "token");
            props.put("vault.allow-root-token", "true");
            props.put("exporter.path", exports.toString());
            props.put("exporter.default-mount", "pki_int");
            // for the renewal measurement: no jitter, and a minimum spacing of 1 s instead of lifetime / 10 (6 s)
            props.put("exporter.renewal.jitter-percent", "0");
            props.put("exporter.renewal.min-issuance-interval", "1s");
            props.put("exporter.api.tokens[0].name", "bench");
            props.put("exporter.api.tokens[0].sha256", sha256(token));
            props.put("exporter.api.tokens[0].scopes", "read,write,keys");
            try (ChildApp exporter = ChildApp.start("exporter", options.exporterJar(), "io.vaultpki.exporter.Application",
                    props, Map.of("VAULT_TOKEN", emu.rootToken()), options.workDir(), "/health/liveness",
                    Duration.ofSeconds(60))) {
                URI api = exporter.url.resolve(BASE);
                create(api, "warmup", "web");
                for (int latency : new int[] {0, 5}) {
                    emu.faults().clear();
                    if (latency > 0) {
                        emu.faults().latency(Duration.ofMillis(latency));
                    }
                    double[] result = createMany(api, "l" + latency + "-", creates);
                    report.row("exporter.issue." + latency + "ms", "exporter exports created (issued + written) per "
                                    + "second, " + latency + " ms Vault latency",
                            Report.fmt(result[0]) + " exports/s",
                            creates + " `POST /api/v1/certificates` (EC P-256, pem + fullchain + der) from 4 clients; "
                                    + "p50 " + Report.fmt(result[1]) + " ms, p99 " + Report.fmt(result[2]) + " ms each");
                }
                emu.faults().clear();
                String first = "l0-0";
                Load.run(List.of(api, api.resolve(BASE + "/" + first + "/files/fullchain.pem")), token, 100,
                        options.quick() ? Duration.ofMillis(300) : Duration.ofSeconds(2));
                Load.Result list = Load.run(List.of(api), token, listRate, loadTime);
                report.row("exporter.api.list", "exporter API `GET /api/v1/certificates` (" + (2 * creates + 1)
                                + " exports) at " + listRate + " req/s for " + Report.fmt(loadTime.toMillis() / 1000.0) + " s",
                        "p50 " + Report.fmt(list.p50Ms()) + " ms, p99 " + Report.fmt(list.p99Ms()) + " ms",
                        list.ok() + "/" + list.sent() + " answered 200, " + Report.fmt(list.okPerSecond()) + " req/s");
                Load.Result download = Load.run(List.of(api.resolve(BASE + "/" + first + "/files/fullchain.pem")), token,
                        downloadRate, loadTime);
                report.row("exporter.api.download", "exporter API `GET …/files/fullchain.pem` at " + downloadRate
                                + " req/s for " + Report.fmt(loadTime.toMillis() / 1000.0) + " s",
                        "p50 " + Report.fmt(download.p50Ms()) + " ms, p99 " + Report.fmt(download.p99Ms()) + " ms",
                        download.ok() + "/" + download.sent() + " answered 200, " + Report.fmt(download.okPerSecond())
                                + " req/s");
                renewal(api, exports, shortTtl, renewals);
            }
        }
    }

    /** Creates {@code count} exports from 4 threads; returns exports/s, p50 and p99 of one create in ms. */
    private double[] createMany(URI api, String prefix, int count) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            long started = System.nanoTime();
            List<Future<Double>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + i;
                futures.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    create(api, name, "web");
                    return (System.nanoTime() - t) / 1e6;
                }));
            }
            List<Double> each = new ArrayList<>();
            for (Future<Double> f : futures) {
                each.add(f.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double[] sorted = Load.sorted(each);
            return new double[] {count / seconds, Load.percentile(sorted, 50), Load.percentile(sorted, 99)};
        } catch (Exception e) {
            throw new IllegalStateException("creating exports failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An export of role {@code short}: from the {@code renew_at} the API reports to the moment {@code cert.pem} in the
     * export directory holds the new certificate (polled every 5 ms), {@code count} times.
     */
    private void renewal(URI api, Path exports, Duration ttl, int count) {
        JsonNode created = create(api, "renewing", "short", ",\"renew_before\":\"28s\"");
        Path certificate = exports.resolve("renewing").resolve("cert.pem");
        List<Double> delays = new ArrayList<>();
        JsonNode current = created;
        for (int i = 0; i < count; i++) {
            String renewText = current.path("renew_at").asText();
            Instant renewAt = Instant.parse(renewText);
            byte[] before = read(certificate);
            boolean switched = Poll.until(() -> {
                byte[] now = read(certificate);
                return now != null && !Arrays.equals(before, now);
            }, Duration.ofMillis(Math.max(0, Duration.between(Instant.now(), renewAt).toMillis())).plusSeconds(15),
                    Duration.ofMillis(5));
            Instant seen = Instant.now();
            if (!switched) {
                throw new IllegalStateException("the export was not renewed within 15 s of " + renewAt);
            }
            delays.add(Duration.between(renewAt, seen).toMillis() / 1000.0);
            URI export = api.resolve(BASE + "/renewing");
            Poll.until(() -> !get(export).path("renew_at").asText().equals(renewText), Duration.ofSeconds(5),
                    Duration.ofMillis(20));
            current = get(export);
        }
        double[] sorted = Load.sorted(delays);
        report.row("exporter.renewal", "exporter time from renewal due (`renew_at`) to files switched",
                "median " + Report.fmt(Load.percentile(sorted, 50)) + " s, max " + Report.fmt(sorted[sorted.length - 1])
                        + " s over " + count + " renewal(s)",
                "TTL " + ttl.toSeconds() + " s, renew_before 28 s, jitter 0, default scheduler tick 1 s: expect "
                        + "≤ one tick + one issuance");
    }

    private JsonNode create(URI api, String name, String role) {
        return create(api, name, role, "");
    }

    private JsonNode create(URI api, String name, String role, String extraJson) {
        String body = "{\"name\":\"" + name + "\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"" + role
                + "\",\"common_name\":\"" + name + ".example.com\"" + extraJson + "}";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("POST " + name + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + name + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode get(URI uri) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The file's bytes, or null while it cannot be read. */
    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
