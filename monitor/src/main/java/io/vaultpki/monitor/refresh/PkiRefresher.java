package io.vaultpki.monitor.refresh;

import io.vaultpki.client.VaultClient;
import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.session.TokenInfo;
import io.vaultpki.client.sys.HealthStatus;
import io.vaultpki.monitor.mounts.MountSelection;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads Vault and swaps a new {@link PkiSnapshot} into the {@link SnapshotHolder}. Order: {@code sys/health}, token
 * lookup, PKI mount listing of each configured namespace (filtered by {@link MountSelection}), then the engines concurrently (bounded by
 * {@code monitor.refresh.concurrency}), every request through one rate limiter. If Vault cannot be reached, is
 * sealed, or the token or mount listing fails, every previous engine is kept, marked not up, and
 * {@link VaultState#error()} says why. One refresh at a time.
 */
@Singleton
public class PkiRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(PkiRefresher.class);

    private final VaultClient client;
    private final SnapshotHolder holder;
    private final MountSelection selection;
    private final RefreshMetrics metrics;
    private final VaultCalls calls;
    private final EngineRefresher engines;
    /** Issuers and CRLs only, for the first refresh's early snapshot; null when leaves are off anyway. */
    private final EngineRefresher issuersFirst;
    private final CertificateCache cache = new CertificateCache();
    private final ExecutorService pool;
    /** Reads inside an engine (issuers, CRLs, new certificates); separate from {@link #pool} so nesting cannot deadlock. */
    private final ExecutorService reads;
    private final String authMethod;
    private final String namespace;
    private final Clock clock = Clock.systemUTC();
    private final Set<RefreshError.Reason> loggedFailures = ConcurrentHashMap.newKeySet();
    private final Set<List<String>> loggedEngineFailures = ConcurrentHashMap.newKeySet();

    public PkiRefresher(VaultClient client, VaultAuthentication authentication, SnapshotHolder holder,
                        MountSelection selection, RefreshConfiguration configuration, LeavesConfiguration leaves,
                        RefreshMetrics metrics) {
        configuration.validate();
        this.client = client;
        this.holder = holder;
        this.selection = selection;
        this.metrics = metrics;
        this.calls = new VaultCalls(new RequestRateLimiter(configuration.maxRequestsPerSecond()), metrics);
        this.reads = Executors.newFixedThreadPool(configuration.concurrency(), r -> {
            Thread t = new Thread(r, "pki-read");
            t.setDaemon(true);
            return t;
        });
        this.engines = new EngineRefresher(calls, cache, metrics, leaves.enabled(), clock, reads);
        this.issuersFirst = leaves.enabled() ? new EngineRefresher(calls, cache, metrics, false, clock, reads) : null;
        this.pool = Executors.newFixedThreadPool(configuration.concurrency(), r -> {
            Thread t = new Thread(r, "pki-refresh");
            t.setDaemon(true);
            return t;
        });
        this.authMethod = authentication.method();
        String ns = client.settings().namespace();
        this.namespace = ns == null ? "" : ns.replaceAll("^/+|/+$", "") + "/";
    }

    /** Runs one refresh and publishes its snapshot; never throws for a Vault failure. */
    public synchronized PkiSnapshot refresh() {
        Instant started = clock.instant();
        PkiSnapshot previous = holder.current();
        String address = client.settings().address().toString();
        PkiSnapshot next;
        HealthStatus health = null;
        try {
            health = calls.call("health", client.sys()::health);
            if (health.sealed()) {
                next = unreachable(started, previous, address, health, new RefreshError("",
                        RefreshError.Reason.SEALED, "Vault at " + address + " is sealed"));
            } else {
                // served from the session (looked up once per token, counted by LoginMetrics), not a request per refresh
                Optional<TokenInfo> token = client.session().tokenInfo();
                List<Mount> mounts = new ArrayList<>();
                for (String child : selection.namespaces()) {
                    VaultClient view = client.inNamespace(child);
                    calls.call("list_mounts", view.sys()::listPkiMounts).stream()
                            .filter(m -> selection.selects(m.path()))
                            .forEach(m -> mounts.add(new Mount(view, namespace + child, m.path())));
                }
                if (previous.isEmpty() && issuersFirst != null) {
                    // First refresh: publish issuers and CRLs before the leaf pass, which can take minutes on a
                    // Vault with many stored certificates; costs one extra read per issuer and CRL, once.
                    previous = reachable(started, previous, address, health, token, mounts, issuersFirst);
                    holder.replace(previous);
                }
                next = reachable(started, previous, address, health, token, mounts, engines);
            }
        } catch (RuntimeException e) {
            next = unreachable(started, previous, address, health,
                    new RefreshError("", FailureReasons.of(e), String.valueOf(e.getMessage())));
        } finally {
            metrics.duration(java.time.Duration.between(started, clock.instant()));
        }
        holder.replace(next);
        return next;
    }

    private PkiSnapshot reachable(Instant started, PkiSnapshot previous, String address, HealthStatus health,
                                  Optional<TokenInfo> token, List<Mount> mounts, EngineRefresher engines) {
        Map<String, EngineSnapshot> old = previous.engines().stream()
                .collect(Collectors.toMap(EngineSnapshot::engine, Function.identity()));
        List<Future<EngineSnapshot>> futures = new ArrayList<>();
        for (Mount mount : mounts) {
            String engine = mount.namespace() + mount.path();
            futures.add(pool.submit(() -> engines.refresh(mount.client().pki(mount.path()), engine, mount.namespace(),
                    mount.path(), Optional.ofNullable(old.get(engine)))));
        }
        List<EngineSnapshot> refreshed = new ArrayList<>();
        for (Future<EngineSnapshot> future : futures) {
            refreshed.add(await(future));
        }
        refreshed.sort(Comparator.comparing(EngineSnapshot::engine));
        cache.retainEngines(refreshed.stream().map(EngineSnapshot::engine).toList());
        loggedFailures.clear();
        refreshed.forEach(this::logEngineFailures);
        Instant completed = clock.instant();
        VaultState vault = new VaultState(address, true, Optional.of(health.initialized()), Optional.of(false),
                Optional.of(health.standby() || health.performanceStandby()), health.version(), authMethod,
                token.flatMap(TokenInfo::expiry).map(java.time.OffsetDateTime::toInstant), Optional.empty());
        return new PkiSnapshot(started, completed, vault, refreshed, Optional.of(completed));
    }

    /** Warns once per engine and reason while the failure lasts, so a long outage does not flood the log. */
    private void logEngineFailures(EngineSnapshot engine) {
        if (engine.up()) {
            loggedEngineFailures.removeIf(key -> key.get(0).equals(engine.engine()));
            return;
        }
        for (RefreshError error : engine.errors()) {
            if (loggedEngineFailures.add(List.of(engine.engine(), error.reason().label()))) {
                LOG.warn("Refresh of engine {} failed ({}): {}; keeping its last data", engine.engine(),
                        error.reason().label(), error.message());
            }
        }
    }

    private PkiSnapshot unreachable(Instant started, PkiSnapshot previous, String address, HealthStatus health,
                                    RefreshError error) {
        metrics.error(error);
        if (loggedFailures.add(error.reason())) {
            LOG.warn("Refresh from Vault failed ({}): {}; keeping the last data", error.reason().label(),
                    error.message());
        }
        List<EngineSnapshot> kept = previous.engines().stream()
                .map(e -> new EngineSnapshot(e.engine(), e.namespace(), e.mountPath(), false, e.lastSuccess(),
                        e.issuers(), e.crls(), e.leaves(), e.leavesCollected(), List.of(error)))
                .toList();
        VaultState old = previous.vault();
        VaultState vault = health == null
                ? new VaultState(address, false, Optional.empty(), Optional.empty(), Optional.empty(), old.version(),
                authMethod, old.tokenExpiry(), Optional.of(error))
                : new VaultState(address, false, Optional.of(health.initialized()), Optional.of(health.sealed()),
                Optional.of(health.standby() || health.performanceStandby()), health.version(), authMethod,
                old.tokenExpiry(), Optional.of(error));
        return new PkiSnapshot(started, clock.instant(), vault, kept, previous.lastSuccess());
    }

    private static EngineSnapshot await(Future<EngineSnapshot> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("refresh interrupted");
        } catch (ExecutionException e) {
            // EngineRefresher catches Vault failures itself; anything else is a bug worth surfacing
            throw new IllegalStateException("engine refresh failed unexpectedly", e.getCause());
        }
    }

    /** A selected mount and the client view of its namespace. */
    private record Mount(VaultClient client, String namespace, String path) {
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
        reads.shutdownNow();
    }
}
