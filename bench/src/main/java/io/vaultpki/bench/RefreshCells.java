package io.vaultpki.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.emulator.RequestLog;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.monitor.mounts.MountSelection;
import io.vaultpki.monitor.mounts.MountsConfiguration;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.LeavesConfiguration;
import io.vaultpki.monitor.refresh.PkiRefresher;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.RefreshConfiguration;
import io.vaultpki.monitor.refresh.RefreshMetrics;
import io.vaultpki.monitor.refresh.RequestLimiter;
import io.vaultpki.monitor.refresh.SnapshotHolder;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The monitor's real {@link PkiRefresher}, built in the bench's JVM as the application wires it (its
 * {@link RequestLimiter} hears the client's back-pressure events) with the default {@code monitor.refresh.*}
 * settings, against the emulator. One {@link Session} is one monitor: its first refresh is cold, later ones are
 * steady-state. Vault requests, the most in flight at once and each path read come from the emulator's log.
 */
final class RefreshCells implements AutoCloseable {

    /** The defaults of {@code monitor.refresh.*}: 8 in flight at most, no rate ceiling. */
    static final RefreshConfiguration DEFAULTS = new RefreshConfiguration(Duration.ofSeconds(60),
            RefreshConfiguration.DEFAULT_CONCURRENCY, null, Duration.ZERO);

    /**
     * One refresh as measured.
     *
     * @param seconds       wall time of {@code refresh()}
     * @param issuersAt     seconds from the start until a published snapshot held every issuer (NaN: never)
     * @param requests      Vault requests the emulator answered
     * @param maxConcurrent most requests the emulator handled at once
     * @param duplicates    objects (method and path) asked for more than once
     * @param byEndpoint    requests per endpoint kind ({@link #endpoint})
     */
    record Cell(double seconds, double issuersAt, long requests, int maxConcurrent, long duplicates, int issuers,
                int leaves, boolean allUp, Map<String, Long> byEndpoint) {

        String check(int expectedIssuers, int expectedLeaves) {
            boolean complete = allUp && issuers == expectedIssuers && leaves >= expectedLeaves;
            return complete ? "complete: " + issuers + " issuers" + (expectedLeaves > 0 ? ", " + leaves + " leaves" : "")
                    : "INCOMPLETE: " + issuers + "/" + expectedIssuers + " issuers, " + leaves + "/" + expectedLeaves
                    + " leaves, all engines up: " + allUp;
        }

        String endpoints() {
            return byEndpoint.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    private final VaultEmulator emu;
    private final int latencyMs;
    private final VaultClient client;
    private final PkiRefresher refresher;
    private final RecordingHolder holder;
    private final RequestLimiter limiter;

    /** A new monitor reading the mounts {@code include} selects; the emulator answers after {@code latencyMs}. */
    RefreshCells(VaultEmulator emu, String include, int latencyMs) {
        this(emu, include, latencyMs, new HealthCheckConfig(false, 1, Map.of(), java.util.Set.of()));
    }

    /** The same, running the PKI health checks as {@code checks} says (on its first refresh, then every n-th). */
    RefreshCells(VaultEmulator emu, String include, int latencyMs, HealthCheckConfig checks) {
        this.emu = emu;
        this.latencyMs = latencyMs;
        VaultSettings settings = VaultSettings.builder().address(emu.url()).allowRootToken(true).build();
        TokenAuthentication auth = new TokenAuthentication(VaultToken.of(emu.rootToken()));
        MountsConfiguration mounts = new MountsConfiguration(null, List.of(include), List.of(), List.of());
        this.limiter = new RequestLimiter(DEFAULTS);
        this.client = VaultClient.builder().settings(settings).authentication(auth).listener(limiter).build();
        this.holder = new RecordingHolder(settings);
        this.refresher = new PkiRefresher(client, auth, holder, new MountSelection(mounts), DEFAULTS,
                new LeavesConfiguration(true), new RefreshMetrics(new SimpleMeterRegistry()), limiter, checks);
    }

    /** One refresh of this monitor (the first is cold), measured. */
    Cell refresh(int expectedIssuers) {
        emu.faults().clear();
        if (latencyMs > 0) {
            emu.faults().latency(Duration.ofMillis(latencyMs));
        }
        try {
            emu.requests().clear();
            holder.start(expectedIssuers);
            long started = System.nanoTime();
            PkiSnapshot snapshot = refresher.refresh();
            double seconds = (System.nanoTime() - started) / 1e9;
            List<RequestLog.Entry> log = emu.requests().all();
            int issuers = snapshot.engines().stream().mapToInt(e -> e.issuers().size()).sum();
            int leaves = snapshot.engines().stream().mapToInt(e -> e.leaves().size()).sum();
            boolean up = snapshot.vault().reachable() && !snapshot.engines().isEmpty()
                    && snapshot.engines().stream().allMatch(EngineSnapshot::up);
            long duplicates = log.stream().collect(Collectors.groupingBy(e -> e.method() + " " + e.path(),
                    Collectors.counting())).values().stream().filter(n -> n > 1).count();
            return new Cell(seconds, holder.issuersAt(), log.size(), emu.requests().maxConcurrent(), duplicates,
                    issuers, leaves, up, byEndpoint(log));
        } finally {
            emu.faults().clear();
        }
    }

    private static final Map<String, Pattern> ENDPOINTS = endpoints();

    private static Map<String, Pattern> endpoints() {
        Map<String, Pattern> m = new LinkedHashMap<>();
        m.put("GET sys/health", Pattern.compile("GET sys/health"));
        m.put("GET sys/mounts", Pattern.compile("GET sys/mounts"));
        m.put("GET auth/token/lookup-self", Pattern.compile("GET auth/token/lookup-self"));
        m.put("LIST issuers", Pattern.compile("LIST .+/issuers"));
        m.put("GET issuer/:id", Pattern.compile("GET .+/issuer/[^/]+"));
        m.put("GET issuer/:id/crl (200)", Pattern.compile("GET .+/issuer/[^/]+/crl 200"));
        m.put("GET issuer/:id/crl (304)", Pattern.compile("GET .+/issuer/[^/]+/crl 304"));
        m.put("LIST certs/revoked", Pattern.compile("LIST .+/certs/revoked"));
        m.put("LIST certs", Pattern.compile("LIST .+/certs"));
        m.put("GET cert/:serial", Pattern.compile("GET .+/cert/[0-9a-f:-]+"));
        // the PKI health checks' own reads (HealthCheckBench)
        m.put("GET issuer/:id/crl/delta", Pattern.compile("GET .+/issuer/[^/]+/crl/delta"));
        m.put("LIST roles", Pattern.compile("LIST .+/roles"));
        m.put("GET roles/:name", Pattern.compile("GET .+/roles/[^/]+"));
        m.put("GET key/:id", Pattern.compile("GET .+/key/[^/]+"));
        m.put("GET config/*", Pattern.compile("GET .+/config/(crl|auto-tidy|acme|cluster)"));
        m.put("GET tidy-status", Pattern.compile("GET .+/tidy-status"));
        m.put("GET sys/mounts/:mount/tune", Pattern.compile("GET sys/mounts/.+/tune"));
        return m;
    }

    /** The endpoint kind of one logged request, {@code other} when none matches. */
    static String endpoint(RequestLog.Entry e) {
        String line = e.method() + " " + e.path();
        String withStatus = line + " " + e.status();
        for (Map.Entry<String, Pattern> kind : ENDPOINTS.entrySet()) {
            if (kind.getValue().matcher(line).matches() || kind.getValue().matcher(withStatus).matches()) {
                return kind.getKey();
            }
        }
        return "other";
    }

    private static Map<String, Long> byEndpoint(List<RequestLog.Entry> log) {
        Map<String, Long> counts = log.stream().collect(Collectors.groupingBy(RefreshCells::endpoint,
                TreeMap::new, Collectors.counting()));
        Map<String, Long> ordered = new LinkedHashMap<>();
        ENDPOINTS.keySet().forEach(k -> {
            if (counts.containsKey(k)) {
                ordered.put(k, counts.get(k));
            }
        });
        if (counts.containsKey("other")) {
            ordered.put("other", counts.get("other"));
        }
        return ordered;
    }

    /** The adaptive limit now (requests in flight allowed). */
    int limit() {
        return limiter.currentLimit();
    }

    @Override
    public void close() {
        try {
            // PkiRefresher's pools are shut down by its package-private @PreDestroy close() in the application
            Method close = PkiRefresher.class.getDeclaredMethod("close");
            close.setAccessible(true);
            close.invoke(refresher);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // daemon threads; they die with the bench
        }
        client.close();
    }

    /** Notes when a published snapshot first held every expected issuer (the first refresh publishes early). */
    private static final class RecordingHolder extends SnapshotHolder {

        private volatile long startedNanos;
        private volatile int expected;
        private volatile double issuersAt = Double.NaN;

        RecordingHolder(VaultSettings settings) {
            super(settings);
        }

        void start(int expectedIssuers) {
            expected = expectedIssuers;
            issuersAt = Double.NaN;
            startedNanos = System.nanoTime();
        }

        double issuersAt() {
            return issuersAt;
        }

        @Override
        public void replace(PkiSnapshot snapshot) {
            super.replace(snapshot);
            if (Double.isNaN(issuersAt) && snapshot.engines().stream().mapToInt(e -> e.issuers().size()).sum()
                    >= expected) {
                issuersAt = (System.nanoTime() - startedNanos) / 1e9;
            }
        }
    }
}
