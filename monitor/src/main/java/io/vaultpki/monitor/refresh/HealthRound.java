package io.vaultpki.monitor.refresh;

import io.vaultpki.monitor.pkihealth.EngineHealth;
import io.vaultpki.monitor.pkihealth.HealthCheckRunner;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.pkihealth.input.CrlInput;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.IssuerInput;
import io.vaultpki.monitor.pkihealth.input.LeafInput;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.vault.ChecksStopped;
import io.vaultpki.monitor.pkihealth.vault.MountReader;
import io.vaultpki.monitor.pkihealth.vault.Outcomes;
import io.vaultpki.monitor.pkihealth.vault.ReadPlan;
import io.vaultpki.monitor.pkihealth.vault.RefreshData;
import io.vaultpki.monitor.pkihealth.vault.VaultRequests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * When and over what the PKI health checks run. They run on the first refresh that reaches Vault (so a new monitor
 * shows results at once), then on every {@code monitor.health-checks.every-refreshes}-th refresh; a run that was
 * due when Vault could not be reached (or stopped answering during the run) stays due, and runs at the next refresh
 * that reaches it. An engine that has never been checked (a mount that appeared since) is checked at the next
 * refresh. The checks run after the refresh has published its expiry snapshot, with the refresh's own
 * {@link VaultCalls} (same limiter, counters, and stop on a sealed or unreachable Vault), reusing what the refresh
 * read in this round ({@link RefreshData}); each engine's run is kept in its {@link EngineMemory}, which every later
 * snapshot carries. One refresh at a time calls it (the refresher's lock).
 */
final class HealthRound {

    private static final Logger LOG = LoggerFactory.getLogger(HealthRound.class);

    private final HealthCheckRunner runner;
    private final Set<Class<?>> loggedFailures = ConcurrentHashMap.newKeySet();
    private final ReadPlan plan;
    private final int every;
    private final Clock clock;
    /** Refreshes since the last complete run; starts high so that the first refresh runs them. */
    private long sinceLastRun = Long.MAX_VALUE / 2;

    HealthRound(HealthCheckConfig config, Clock clock) {
        this.runner = new HealthCheckRunner(config);
        this.plan = ReadPlan.of(config);
        this.every = config.everyRefreshes();
        this.clock = clock;
    }

    /** Counts a refresh; call once per refresh, before {@link #targets}. */
    void refreshed() {
        sinceLastRun++;
    }

    /** The engines to check after this refresh: all when a run is due, else those never checked; none when off. */
    List<EngineWork> targets(List<EngineWork> works) {
        if (!plan.any()) {
            return List.of();
        }
        return due() ? works : works.stream().filter(w -> w.memory.health().isEmpty()).toList();
    }

    private boolean due() {
        return sinceLastRun >= every;
    }

    /**
     * Checks {@code targets} (of {@code works}), engines in parallel through {@code forEachEngine}.
     *
     * @throws VaultCalls.VaultDown when Vault stopped answering; the engines keep their previous results
     */
    void run(VaultCalls calls, List<EngineWork> targets, List<EngineWork> works,
             BiConsumer<List<EngineWork>, Consumer<EngineWork>> forEachEngine) {
        if (targets.isEmpty()) {
            return;
        }
        boolean full = due() || targets.size() == works.size();
        VaultRequests requests = new VaultRequests() {
            @Override
            public <T> T call(String operation, Supplier<T> request) {
                try {
                    return calls.call(operation, request);
                } catch (VaultCalls.VaultDown down) {
                    throw new ChecksStopped(down);
                }
            }
        };
        forEachEngine.accept(targets, work -> {
            try {
                check(work, requests);
            } catch (ChecksStopped stopped) {
                throw (VaultCalls.VaultDown) stopped.getCause();
            }
        });
        if (full) {
            sinceLastRun = 0;
        }
    }

    private void check(EngineWork work, VaultRequests requests) {
        MountInputs inputs;
        try {
            inputs = new MountReader(work.pki, work.sys, work.mountPath, requests, plan).read(work.engine,
                    known(work));
        } catch (ChecksStopped stopped) {
            throw stopped;
        } catch (RuntimeException e) {
            // a bug, not Vault: this engine keeps its previous results, the refresh and the other engines go on
            if (loggedFailures.add(e.getClass())) {
                LOG.error("PKI health checks of {} failed unexpectedly: {}", work.engine, e.getClass().getName(), e);
            }
            return;
        }
        Instant now = clock.instant();
        work.memory.health(new EngineHealth(now, runner.run(inputs, now), inputs.tidyStatus().optional()));
    }

    /** What this round's refresh read for the engine, in the checks' terms. */
    static RefreshData known(EngineWork work) {
        Fetched<List<IssuerInput>> issuers;
        if (work.issuersListed() && work.issuers != null) {
            issuers = Fetched.of(work.issuers.stream().map(i -> new IssuerInput(i.id(), i.name(), i.notAfter(),
                    i.selfSigned(), Optional.of(work.memory.keyId(i.id())), i.isDefault(),
                    i.leafNotAfterBehavior())).toList());
        } else {
            issuers = work.issuersFailure == null ? Fetched.notRead() : Outcomes.of(work.issuersFailure);
        }
        List<CrlInfo> crlInfos = work.crls == null ? List.of() : work.crls;
        Map<String, Fetched<CrlInput>> crls = crlInfos.stream().collect(Collectors.toMap(CrlInfo::issuerId,
                c -> Fetched.of(new CrlInput(c.thisUpdate(), c.nextUpdate())), (a, b) -> a));
        boolean listed = work.listedCerts >= 0 && work.leaves != null;
        Optional<List<LeafInput>> leaves = listed ? Optional.of(work.leaves.stream()
                .sorted(Comparator.comparing(LeafCertificate::serial))
                .map(l -> new LeafInput(l.serial(), false, Optional.of(l.issuerId()).filter(s -> !s.isEmpty())))
                .toList()) : Optional.empty();
        Map<String, String> subjects = work.issuers == null ? Map.of() : work.issuers.stream()
                .collect(Collectors.toMap(IssuerInfo::id, IssuerInfo::subject, (a, b) -> a));
        Map<String, String> crlShares = new java.util.HashMap<>();
        if (work.issuers != null) {
            CrlStep.CrlGroups groups = CrlStep.CrlGroups.of(work.issuers, work.memory, work.legacy);
            groups.keys().forEach(g -> groups.members(g).forEach(m -> crlShares.put(m, groups.representative(g))));
        }
        return new RefreshData(issuers, crls, leaves,
                listed ? OptionalLong.of(work.listedCerts) : OptionalLong.empty(), subjects, crlShares);
    }

    /** {@code snapshot} with each engine's latest run from its memory. */
    static PkiSnapshot withHealth(PkiSnapshot snapshot, List<EngineWork> works) {
        Map<String, EngineMemory> memories = works.stream()
                .collect(Collectors.toMap(w -> w.engine, w -> w.memory, (a, b) -> a));
        List<EngineSnapshot> engines = snapshot.engines().stream().map(e -> Optional.ofNullable(
                memories.get(e.engine())).flatMap(EngineMemory::health).map(e::withHealth).orElse(e)).toList();
        return new PkiSnapshot(snapshot.startedAt(), snapshot.completedAt(), snapshot.vault(), engines,
                snapshot.lastSuccess());
    }
}
