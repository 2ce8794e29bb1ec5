package io.vaultpki.monitor.refresh;

import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.session.TokenInfo;
import io.vaultpki.client.sys.HealthStatus;
import io.vaultpki.monitor.mounts.MountSelection;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads Vault and swaps a new {@link PkiSnapshot} into the {@link SnapshotHolder}. Order: {@code sys/health}, token
 * lookup, PKI mount listing of each configured namespace ({@link MountDiscovery}), then three steps, each over all
 * engines at once: issuers ({@link IssuerStep}), CRLs ({@link CrlStep}), leaves ({@link LeafStep}). Every request
 * goes through one adaptive {@link RequestLimiter} (at most {@code monitor.refresh.concurrency} in flight), and
 * each object is read at most once per refresh and only when it may have changed ({@link EngineMemory}). The first
 * refresh publishes after the issuers and after the CRLs too, so the first complete issuer data does not wait for
 * a leaf pass over many stored certificates. If Vault cannot be reached, is sealed, or the token or mount listing
 * fails, every previous engine is kept, marked not up, and {@link VaultState#error()} says why; a Vault found sealed
 * or unreachable in the middle of a refresh ends it at once (see {@link VaultCalls}). One refresh at a time. After
 * the snapshot is published, the PKI health checks run when due ({@link HealthRound}) and it is published again
 * with their results.
 */
@Singleton
public class PkiRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(PkiRefresher.class);

    private final VaultClient client;
    private final SnapshotHolder holder;
    private final RefreshMetrics metrics;
    private final VaultCalls calls;
    private final boolean leavesEnabled;
    private final MountDiscovery discovery;
    private final IssuerStep issuers;
    private final CrlStep crls;
    private final LeafStep leaves;
    private final RefreshSummary summary = new RefreshSummary();
    private final EngineFailureLog failureLog = new EngineFailureLog();
    /** Engine steps; separate from {@link #reads} so that nesting cannot deadlock. */
    private final ExecutorService pool;
    /** Object reads inside an engine step (issuers, CRLs, new certificates). */
    private final ExecutorService reads;
    private final VaultAuthentication authentication;
    private final Clock clock = Clock.systemUTC();
    private final Set<FailureReason> loggedFailures = ConcurrentHashMap.newKeySet();
    private final HealthRound healthChecks;

    /** Without health checks (tests and the bench that measure the expiry refresh alone). */
    public PkiRefresher(VaultClient client, VaultAuthentication authentication, SnapshotHolder holder,
                        MountSelection selection, RefreshConfiguration configuration, LeavesConfiguration leaves,
                        RefreshMetrics metrics, RequestLimiter limiter) {
        this(client, authentication, holder, selection, configuration, leaves, metrics, limiter,
                new HealthCheckConfig(false, 1, java.util.Map.of(), Set.of()));
    }

    @jakarta.inject.Inject
    public PkiRefresher(VaultClient client, VaultAuthentication authentication, SnapshotHolder holder,
                        MountSelection selection, RefreshConfiguration configuration, LeavesConfiguration leaves,
                        RefreshMetrics metrics, RequestLimiter limiter, HealthCheckConfig healthChecks) {
        this.client = client;
        this.healthChecks = new HealthRound(healthChecks, clock);
        this.holder = holder;
        this.metrics = metrics;
        this.calls = new VaultCalls(limiter, metrics);
        this.leavesEnabled = leaves.enabled();
        this.pool = daemonPool(configuration.concurrency(), "pki-refresh");
        this.reads = daemonPool(configuration.concurrency(), "pki-read");
        ObjectReads objectReads = new ObjectReads(reads, metrics);
        this.discovery = new MountDiscovery(client, selection, metrics);
        this.issuers = new IssuerStep(objectReads, clock);
        this.crls = new CrlStep(objectReads, clock);
        this.leaves = new LeafStep(objectReads);
        // asked at every snapshot, not now: "auto" only knows the method it picked after the first login
        this.authentication = authentication;
    }

    private static ExecutorService daemonPool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
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
        PkiSnapshot[] published = {previous};
        Reachable reachable = null;
        healthChecks.refreshed();
        try {
            health = calls.call("health", client.sys()::health);
            if (health.sealed()) {
                next = unreachable(started, previous, address, health, new RefreshError("",
                        FailureReason.SEALED, "Vault at " + address + " is sealed", "sys/health"));
            } else {
                // served from the session (looked up once per token, counted by LoginMetrics), not a request per refresh
                Optional<TokenInfo> token = client.session().tokenInfo();
                MountDiscovery.Found found = discovery.discover(calls, previous,
                        VaultVersions.atLeast(health.version(), 1, 12));
                missing.addAll(found.missing());
                Reachable reached = new Reachable(started, address, health, token, found);
                next = steps(calls, reached, previous.isEmpty(), published);
                reachable = reached;
            }
        } catch (VaultCalls.VaultDown e) {
            next = unreachable(started, published[0], address, health, e.error());
        } catch (RuntimeException e) {
            next = unreachable(started, published[0], address, health, RefreshError.of("", e));
        } finally {
            metrics.duration(java.time.Duration.between(started, clock.instant()));
        }
        holder.replace(next);
        if (reachable != null) {
            next = checks(calls, reachable, next, health);
        }
        summary.afterRefresh(next, address, missing);
        return next;
    }

    /**
     * The health checks, after the expiry snapshot is published ({@link HealthRound}): when any ran, the snapshot
     * again with their results; a Vault found down meanwhile is published as for a refresh.
     */
    private PkiSnapshot checks(VaultCalls calls, Reachable reachable, PkiSnapshot published, HealthStatus status) {
        List<EngineWork> works = reachable.found().works();
        List<EngineWork> targets = healthChecks.targets(works);
        if (targets.isEmpty()) {
            return published;
        }
        PkiSnapshot next;
        try {
            healthChecks.run(calls, targets, works, this::forEachEngine);
            next = HealthRound.withHealth(published, works);
        } catch (VaultCalls.VaultDown e) {
            next = unreachable(published.startedAt(), published, reachable.address, status, e.error());
        }
        holder.replace(next);
        return next;
    }

    /** The three steps over every engine; the first refresh publishes after the issuers and after the CRLs. */
    private PkiSnapshot steps(VaultCalls calls, Reachable reachable, boolean first, PkiSnapshot[] published) {
        List<EngineWork> works = reachable.found().works();
        forEachEngine(works, work -> issuers.run(calls, work));
        if (first) {
            publish(reachable.snapshot(false, clock.instant()), published);
        }
        forEachEngine(works, work -> crls.run(calls, work));
        if (leavesEnabled) {
            if (first) {
                publish(reachable.snapshot(false, clock.instant()), published);
            }
            forEachEngine(works, work -> leaves.run(calls, work));
        }
        PkiSnapshot complete = reachable.snapshot(true, clock.instant());
        discovery.retain(works.stream().map(w -> w.engine).collect(java.util.stream.Collectors.toSet()));
        loggedFailures.clear();
        complete.engines().forEach(failureLog::log);
        return complete;
    }

    private void publish(PkiSnapshot early, PkiSnapshot[] published) {
        published[0] = early;
        holder.replace(early);
    }

    /** Runs {@code step} for every engine on the engine pool and waits for all. */
    private void forEachEngine(List<EngineWork> works, java.util.function.Consumer<EngineWork> step) {
        List<Future<?>> futures = new ArrayList<>();
        for (EngineWork work : works) {
            futures.add(pool.submit(() -> step.accept(work)));
        }
        try {
            for (Future<?> future : futures) {
                await(future);
            }
        } catch (RuntimeException e) {
            futures.forEach(f -> f.cancel(false)); // engines not started yet are not asked at all
            throw e;
        }
    }

    /** What a refresh that reached Vault knows besides the engines, to assemble a snapshot at any step. */
    private final class Reachable {

        private final Instant started;
        private final String address;
        private final HealthStatus health;
        private final Optional<TokenInfo> token;
        private final MountDiscovery.Found found;

        Reachable(Instant started, String address, HealthStatus health, Optional<TokenInfo> token,
                  MountDiscovery.Found found) {
            this.started = started;
            this.address = address;
            this.health = health;
            this.token = token;
            this.found = found;
        }

        MountDiscovery.Found found() {
            return found;
        }

        PkiSnapshot snapshot(boolean complete, Instant now) {
            List<EngineSnapshot> engines = new ArrayList<>(found.notFound());
            found.works().forEach(w -> engines.add(w.snapshot(complete, leavesEnabled, now)));
            engines.sort(Comparator.comparing(EngineSnapshot::engine));
            VaultState vault = new VaultState(address, true, Optional.of(health.initialized()), Optional.of(false),
                    Optional.of(health.standby() || health.performanceStandby()), health.version(),
                    authentication.method(), token.flatMap(TokenInfo::expiry)
                    .map(java.time.OffsetDateTime::toInstant), Optional.empty());
            return new PkiSnapshot(started, now, vault, engines, Optional.of(now));
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
                        e.issuers(), e.crls(), e.leaves(), e.leavesCollected(), List.of(error), e.health()))
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

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("refresh interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VaultCalls.VaultDown down) {
                throw down;
            }
            // the steps catch Vault failures themselves; anything else is a bug worth surfacing
            throw new IllegalStateException("engine refresh failed unexpectedly", e.getCause());
        }
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
        reads.shutdownNow();
    }
}
