package io.vaultpki.monitor.refresh;

import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.failure.FailureReason;
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
 * lookup, PKI mount listing of each configured namespace (filtered by {@link MountSelection}), then the engines
 * concurrently (bounded by {@code monitor.refresh.concurrency}), every request through one rate limiter. If Vault
 * cannot be reached, is sealed, or the token or mount listing fails, every previous engine is kept, marked not up,
 * and {@link VaultState#error()} says why; a Vault found sealed or unreachable in the middle of a refresh ends it at
 * once (see {@link VaultCalls}). A mount named by {@code PKI_MOUNT_PATH} that Vault does not list as a PKI mount is
 * an engine that is not up with reason {@code not_found}, never a silent empty engine. One refresh at a time.
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
    private final RefreshSummary summary = new RefreshSummary();
    /** Issuers and CRLs only, for the first refresh's early snapshot; null when leaves are off anyway. */
    private final EngineRefresher issuersFirst;
    private final CertificateCache cache = new CertificateCache();
    private final ExecutorService pool;
    /** Reads inside an engine (issuers, CRLs, new certificates); separate from {@link #pool} so nesting cannot deadlock. */
    private final ExecutorService reads;
    private final VaultAuthentication authentication;
    private final String namespace;
    private final Clock clock = Clock.systemUTC();
    private final Set<FailureReason> loggedFailures = ConcurrentHashMap.newKeySet();
    private final Set<List<String>> loggedEngineFailures = ConcurrentHashMap.newKeySet();

    public PkiRefresher(VaultClient client, VaultAuthentication authentication, SnapshotHolder holder,
                        MountSelection selection, RefreshConfiguration configuration, LeavesConfiguration leaves,
                        RefreshMetrics metrics) {
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
        this.engines = new EngineRefresher(cache, metrics, leaves.enabled(), clock, reads);
        this.issuersFirst = leaves.enabled() ? new EngineRefresher(cache, metrics, false, clock, reads) : null;
        this.pool = Executors.newFixedThreadPool(configuration.concurrency(), r -> {
            Thread t = new Thread(r, "pki-refresh");
            t.setDaemon(true);
            return t;
        });
        // asked at every snapshot, not now: "auto" only knows the method it picked after the first login
        this.authentication = authentication;
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
        VaultCalls calls = this.calls.forNextRefresh();
        Set<String> missing = new java.util.HashSet<>();
        try {
            health = calls.call("health", client.sys()::health);
            if (health.sealed()) {
                next = unreachable(started, previous, address, health, new RefreshError("",
                        FailureReason.SEALED, "Vault at " + address + " is sealed", "sys/health"));
            } else {
                // served from the session (looked up once per token, counted by LoginMetrics), not a request per refresh
                Optional<TokenInfo> token = client.session().tokenInfo();
                List<Mount> mounts = new ArrayList<>();
                for (String child : selection.namespaces()) {
                    VaultClient view = client.inNamespace(child);
                    List<String> listed = new ArrayList<>();
                    calls.call("list_mounts", view.sys()::listPkiMounts).stream()
                            .filter(m -> selection.selects(m.path()))
                            .forEach(m -> {
                                listed.add(m.path());
                                mounts.add(new Mount(view, namespace + child, m.path(), true));
                            });
                    // PKI_MOUNT_PATH names one mount: its absence is a finding, not an empty selection
                    selection.namedMount().filter(named -> !listed.contains(named))
                            .ifPresent(named -> {
                                missing.add(namespace + child + named);
                                mounts.add(new Mount(view, namespace + child, named, false));
                            });
                }
                if (previous.isEmpty() && issuersFirst != null) {
                    // First refresh: publish issuers and CRLs before the leaf pass, which can take minutes on a
                    // Vault with many stored certificates; costs one extra read per issuer and CRL, once.
                    previous = reachable(calls, started, previous, address, health, token, mounts, issuersFirst);
                    holder.replace(previous);
                }
                next = reachable(calls, started, previous, address, health, token, mounts, engines);
            }
        } catch (VaultCalls.VaultDown e) {
            next = unreachable(started, previous, address, health, e.error());
        } catch (RuntimeException e) {
            next = unreachable(started, previous, address, health, RefreshError.of("", e));
        } finally {
            metrics.duration(java.time.Duration.between(started, clock.instant()));
        }
        holder.replace(next);
        summary.afterRefresh(next, address, missing);
        return next;
    }

    private PkiSnapshot reachable(VaultCalls calls, Instant started, PkiSnapshot previous, String address,
                                  HealthStatus health, Optional<TokenInfo> token, List<Mount> mounts,
                                  EngineRefresher engines) {
        Map<String, EngineSnapshot> old = previous.engines().stream()
                .collect(Collectors.toMap(EngineSnapshot::engine, Function.identity()));
        List<Future<EngineSnapshot>> futures = new ArrayList<>();
        List<EngineSnapshot> refreshed = new ArrayList<>();
        for (Mount mount : mounts) {
            String engine = mount.namespace() + mount.path();
            if (!mount.listed()) {
                refreshed.add(notAPkiMount(mount, engine));
                continue;
            }
            futures.add(pool.submit(() -> engines.refresh(calls, mount.client().pki(mount.path()), engine,
                    mount.namespace(), mount.path(), Optional.ofNullable(old.get(engine)))));
        }
        try {
            for (Future<EngineSnapshot> future : futures) {
                refreshed.add(await(future));
            }
        } catch (VaultCalls.VaultDown e) {
            futures.forEach(f -> f.cancel(false)); // engines not started yet are not asked at all
            throw e;
        }
        refreshed.sort(Comparator.comparing(EngineSnapshot::engine));
        cache.retainEngines(refreshed.stream().map(EngineSnapshot::engine).toList());
        loggedFailures.clear();
        refreshed.forEach(this::logEngineFailures);
        Instant completed = clock.instant();
        VaultState vault = new VaultState(address, true, Optional.of(health.initialized()), Optional.of(false),
                Optional.of(health.standby() || health.performanceStandby()), health.version(),
                authentication.method(), token.flatMap(TokenInfo::expiry).map(java.time.OffsetDateTime::toInstant),
                Optional.empty());
        return new PkiSnapshot(started, completed, vault, refreshed, Optional.of(completed));
    }

    /**
     * The engine of a mount {@code PKI_MOUNT_PATH} names but Vault does not list as PKI: not up, reason
     * {@code not_found}, no issuers. The mount listing does not say which of the two it is (it holds only PKI
     * mounts, or only those the token may use), so the message names both.
     */
    private EngineSnapshot notAPkiMount(Mount mount, String engine) {
        RefreshError error = new RefreshError(engine, FailureReason.NOT_FOUND, "PKI_MOUNT_PATH names " + mount.path()
                + ", which Vault does not list as a PKI secrets engine" + (mount.namespace().isEmpty() ? ""
                : " in namespace " + mount.namespace()) + ": no such mount, a mount of another type (e.g. kv), or"
                + " one the monitor's token may not see", mount.path());
        metrics.error(error);
        return new EngineSnapshot(engine, mount.namespace(), mount.path(), false, Optional.empty(), List.of(),
                List.of(), List.of(), false, List.of(error));
    }

    /** Warns once per engine and reason while the failure lasts, so a long outage does not flood the log. */
    private void logEngineFailures(EngineSnapshot engine) {
        if (engine.errors().isEmpty()) {
            loggedEngineFailures.removeIf(key -> key.get(0).equals(engine.engine()));
            return;
        }
        for (RefreshError error : engine.errors()) {
            // an unparsable object is its own finding (one line per path); other failures once per reason
            boolean unparsable = error.reason() == FailureReason.PARSE_ERROR && !error.path().isEmpty();
            if (loggedEngineFailures.add(List.of(engine.engine(), error.reason().label(),
                    unparsable ? error.path() : ""))) {
                if (unparsable && engine.up()) {
                    LOG.warn("Refresh of engine {}: {} could not be read ({}): {}; left out, the rest of the engine"
                            + " is up", engine.engine(), error.path(), error.reason().label(), error.message());
                } else {
                    LOG.warn("Refresh of engine {} failed ({}): {}; keeping its last data", engine.engine(),
                            error.reason().label(), error.message());
                }
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
        // sealed or standby found by a request after sys/health answered: what the request said is the newer truth
        Optional<Boolean> sealed = error.reason() == FailureReason.SEALED ? Optional.of(true)
                : Optional.ofNullable(health).map(HealthStatus::sealed);
        Optional<Boolean> standby = error.reason() == FailureReason.STANDBY ? Optional.of(true)
                : Optional.ofNullable(health).map(h -> h.standby() || h.performanceStandby());
        VaultState vault = new VaultState(address, false, Optional.ofNullable(health).map(HealthStatus::initialized),
                sealed, standby, health == null ? old.version() : health.version(), authentication.method(),
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
            if (e.getCause() instanceof VaultCalls.VaultDown down) {
                throw down;
            }
            // EngineRefresher catches Vault failures itself; anything else is a bug worth surfacing
            throw new IllegalStateException("engine refresh failed unexpectedly", e.getCause());
        }
    }

    /**
     * A selected mount and the client view of its namespace; {@code listed} is false for a mount
     * {@code PKI_MOUNT_PATH} names but Vault does not list as PKI.
     */
    private record Mount(VaultClient client, String namespace, String path, boolean listed) {
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
        reads.shutdownNow();
    }
}
