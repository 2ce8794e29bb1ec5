package io.vaultpki.exporter.export;

import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.audit.AuditEvent;
import io.vaultpki.exporter.audit.AuditSink;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.files.ExportStore;
import io.vaultpki.exporter.files.RecoveryReport;
import io.vaultpki.exporter.files.StoredFile;
import io.vaultpki.exporter.files.StoredFileContent;
import io.vaultpki.exporter.renewal.RenewalPolicy;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.FieldError;
import io.vaultpki.exporter.spec.Origin;
import io.vaultpki.exporter.spec.SpecValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Clock;
import java.time.Duration;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The registry of exports and the rules around them: configuration exports are fixed, API exports are persisted
 * only after their first write succeeded, a name is never defined twice, attempts are single-flight per export, a
 * failure leaves the files alone and is retried with backoff, and at start-up an export whose files are intact,
 * valid, not due and made from the same spec costs no Vault call.
 */
public final class ExportManager implements ExportService {

    private static final Logger LOG = LoggerFactory.getLogger(ExportManager.class);

    private final Map<String, ManagedExport> exports = new ConcurrentHashMap<>();
    private final Set<String> creating = ConcurrentHashMap.newKeySet();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final List<ExportSpec> configured;
    private final ExportStore store;
    private final SpecRepository repository;
    private final ExportRunner runner;
    private final RenewalPolicy policy;
    private final AuditSink audit;
    private final Clock clock;
    private final ExecutorService workers;
    private volatile boolean started;
    private final List<Consumer<String>> goneListeners = new CopyOnWriteArrayList<>();

    ExportManager(List<ExportSpec> configured, ExportStore store, SpecRepository repository, ExportRunner runner,
                  RenewalPolicy policy, AuditSink audit, Clock clock, ExecutorService workers) {
        this.configured = List.copyOf(configured);
        this.store = store;
        this.repository = repository;
        this.runner = runner;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.workers = workers;
    }

    /**
     * Checks what the configuration alone can tell (a configured export whose formats need a setting the exporter
     * lacks), touching neither Vault nor the disk, so a bad setting stops start-up before the port is bound.
     */
    public void checkConfiguration() {
        for (ExportSpec spec : configured) {
            for (FieldError problem : store.unmetPreconditions(spec)) {
                throw new IllegalStateException("exporter.exports." + spec.name() + "." + problem.field() + ": "
                        + problem.message());
            }
        }
    }

    /**
     * Registers {@code listener} to hear the name of every export that is no longer managed, or never was: deleted
     * through the API, or an API create that failed. The metrics drop the name's series.
     */
    public void onExportGone(Consumer<String> listener) {
        goneListeners.add(listener);
    }

    private void gone(String name) {
        for (Consumer<String> listener : goneListeners) {
            try {
                listener.accept(name);
            } catch (RuntimeException e) {
                LOG.warn("Cleaning up after export '{}' failed: {}", name, e.toString());
            }
        }
    }

    /** Whether {@link #start()} ran: until then the exports are unknown, the API answers 503 and readiness is DOWN. */
    public boolean isStarted() {
        return started;
    }

    /**
     * Recovers the export directory from an interrupted write, loads configuration and persisted exports, and adopts
     * files that are still current. Makes no Vault call. Fails when a name is defined both in configuration and
     * through the API. Runs once the HTTP port is bound ({@link ExportScheduler}), so a port clash stops the exporter
     * before it touches the disk or Vault.
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        checkConfiguration();
        RecoveryReport recovery = store.recover();
        if (!recovery.removedTempDirs().isEmpty() || !recovery.repointedExports().isEmpty()
                || !recovery.brokenExports().isEmpty()) {
            LOG.warn("Recovered the export directory after an interrupted write: removed temp dirs {}, re-pointed {}, "
                    + "no intact version {}", recovery.removedTempDirs(), recovery.repointedExports(), recovery.brokenExports());
        }
        repository.recover();
        Instant now = clock.instant();
        for (ExportSpec spec : configured) {
            register(spec, Origin.CONFIG, now);
        }
        for (ExportSpec spec : repository.loadAll()) {
            if (exports.containsKey(spec.name())) {
                throw new IllegalStateException("export '" + spec.name() + "' is defined in configuration (exporter.exports."
                        + spec.name() + ") and through the API (" + repository.file(spec.name()) + "); remove one of them");
            }
            register(spec, Origin.API, now);
            runner.hookProblems(spec).forEach(problem -> LOG.warn("Export '{}' names hook '{}', which is not configured"
                    + " (exporter.hooks.{}.command); its switches run no hook until it is", spec.name(), spec.hook(),
                    spec.hook()));
        }
        started = true;
        long adopted = exports.values().stream().filter(e -> e.metadata().isPresent() && e.nextAttempt().isAfter(now)).count();
        LOG.info("Managing {} export(s) under {}: {} current on disk (no Vault call), {} due now", exports.size(),
                store.root(), adopted, exports.size() - adopted);
    }

    private void register(ExportSpec spec, Origin origin, Instant now) {
        ManagedExport managed = new ManagedExport(spec, origin, store.directory(spec.name()), now);
        Optional<ExportMetadata> current = store.current(spec.name());
        if (current.isPresent()) {
            ExportMetadata m = current.get();
            boolean valid = now.isBefore(m.notAfter());
            boolean sameSpec = spec.specHash().equals(m.specHash());
            boolean notDue = m.renewAt() != null && now.isBefore(m.renewAt());
            managed.adopted(m, valid && sameSpec && notDue ? m.renewAt() : now, sameSpec);
        }
        exports.put(spec.name(), managed);
    }

    /**
     * Starts an attempt for every export that is due, on the worker pool; an export already running or queued is
     * skipped. With {@code wait}, returns once those attempts ended.
     */
    public void runDue(boolean wait) {
        Instant now = clock.instant();
        List<Future<?>> futures = new ArrayList<>();
        for (ManagedExport e : exports.values()) {
            if (!e.nextAttempt().isAfter(now) && queued.add(e.spec().name())) {
                futures.add(workers.submit(() -> {
                    try {
                        attemptScheduled(e);
                    } finally {
                        queued.remove(e.spec().name());
                    }
                }));
            }
        }
        if (wait) {
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException ee) {
                    LOG.error("Export attempt failed unexpectedly", ee.getCause());
                }
            }
        }
    }

    private void attemptScheduled(ManagedExport e) {
        if (!e.attemptLock().tryLock()) {
            return;
        }
        try {
            if (exports.get(e.spec().name()) != e) {
                return; // deleted meanwhile
            }
            ExportSpec spec = e.spec();
            Instant now = clock.instant();
            Optional<Instant> earliest = earliestIssuance(e);
            if (earliest.isPresent() && now.isBefore(earliest.get())) {
                // the loop guard: never mint twice inside the minimum interval, whatever the plan says
                e.reschedule(earliest.get());
                return;
            }
            attempt(e, spec, Actor.SYSTEM);
        } catch (RuntimeException ex) {
            // attempt() already recorded the failure and scheduled the retry
            LOG.debug("Scheduled attempt of '{}' failed", e.spec().name(), ex);
        } finally {
            e.attemptLock().unlock();
        }
    }

    /** Runs one attempt under the export's lock and records its outcome; rethrows failures. */
    private AttemptResult attempt(ManagedExport e, ExportSpec spec, Actor actor) {
        Instant now = clock.instant();
        try {
            AttemptResult r = runner.run(spec, actor);
            e.succeeded(r.write().metadata(), r.issued() && r.write().switched(), now, r.next(),
                    r.write().switched() ? ExportStatus.Outcome.SUCCESS : ExportStatus.Outcome.UNCHANGED);
            return r;
        } catch (RuntimeException ex) {
            Instant notAfter = e.metadata().map(ExportMetadata::notAfter).orElse(null);
            Duration delay = policy.retryDelay(e.consecutiveFailures() + 1, now, notAfter);
            int failures = e.failed(Failures.describe(ex), now.plus(delay));
            LOG.warn("Export '{}' failed ({} in a row), files untouched; retrying in {} s: {}", spec.name(), failures,
                    delay.toSeconds(), Failures.describe(ex));
            throw ex;
        }
    }

    private Optional<Instant> earliestIssuance(ManagedExport e) {
        if (!e.spec().source().renews() || e.lastIssuance() == null || e.issuedLifetime() == null) {
            return Optional.empty();
        }
        return Optional.of(e.lastIssuance().plus(policy.minIssuanceInterval(e.issuedLifetime())));
    }

    /** Removes old versions past their grace period. */
    public int collectGarbage() {
        return store.collectGarbage();
    }

    /** Every export's state, also before {@link #start()} (then none): for metrics and readiness. */
    public List<ExportStatus> statuses() {
        return exports.values().stream().map(ManagedExport::status)
                .sorted(Comparator.comparing(ExportStatus::name)).toList();
    }

    @Override
    public List<ExportStatus> list() {
        requireStarted();
        return statuses();
    }

    @Override
    public Optional<ExportStatus> get(String name) {
        requireStarted();
        return Optional.ofNullable(exports.get(name)).map(ManagedExport::status);
    }

    @Override
    public ExportStatus create(ExportSpec spec, Actor actor) {
        requireStarted();
        requireValid(spec);
        String name = spec.name();
        if (exports.containsKey(name) || !creating.add(name)) {
            throw new ExportConflictException("an export named '" + name + "' already exists");
        }
        try {
            if (exports.containsKey(name)) {
                throw new ExportConflictException("an export named '" + name + "' already exists");
            }
            List<String> foreign = store.foreignEntries(name);
            if (!foreign.isEmpty()) {
                // the entries go to the operator's log only: the client learns nothing about what else lives there
                LOG.warn("Refused to create export '{}' for {}: {} holds entries the exporter did not write: {}", name,
                        actor.name(), store.directory(name), foreign.subList(0, Math.min(10, foreign.size())));
                throw new ExportConflictException("the export directory of '" + name + "' already exists and holds"
                        + " files the exporter did not write; an API export never takes over such a path");
            }
            boolean existedBefore = Files.exists(store.directory(name), LinkOption.NOFOLLOW_LINKS);
            ManagedExport managed = new ManagedExport(spec, Origin.API, store.directory(name), clock.instant());
            managed.attemptLock().lock();
            try {
                attempt(managed, spec, actor);
                try {
                    repository.save(spec);
                } catch (RuntimeException persistFailure) {
                    if (!existedBefore) {
                        store.purge(name);
                    }
                    throw persistFailure;
                }
                exports.put(name, managed);
            } catch (RuntimeException rejected) {
                // the attempt already counted itself under this name: a create that left no export leaves no series
                gone(name);
                throw rejected;
            } finally {
                managed.attemptLock().unlock();
            }
            audit.record(AuditEvent.of(clock.instant(), "export.created", actor, name, "success")
                    .withSerial(managed.metadata().map(ExportMetadata::serial).orElse(null)));
            return managed.status();
        } finally {
            creating.remove(name);
        }
    }

    @Override
    public ExportStatus update(String name, ExportSpec spec, Actor actor) {
        ManagedExport managed = require(name);
        requireApiDefined(managed);
        if (!name.equals(spec.name())) {
            throw new SpecInvalidException(List.of(new FieldError("name", "must equal the export's name '" + name + "'")));
        }
        requireValid(spec);
        if (!managed.attemptLock().tryLock()) {
            throw new ExportConflictException("export '" + name + "' is being renewed; try again shortly");
        }
        try {
            // a failed re-issue leaves the old spec, state and files exactly as they were
            AttemptResult r = runner.run(spec, actor);
            repository.save(spec);
            managed.spec(spec);
            managed.succeeded(r.write().metadata(), r.issued() && r.write().switched(), clock.instant(), r.next(),
                    r.write().switched() ? ExportStatus.Outcome.SUCCESS : ExportStatus.Outcome.UNCHANGED);
            audit.record(AuditEvent.of(clock.instant(), "spec.changed", actor, name, "success")
                    .withSerial(managed.metadata().map(ExportMetadata::serial).orElse(null)));
            return managed.status();
        } finally {
            managed.attemptLock().unlock();
        }
    }

    @Override
    public void delete(String name, boolean purge, Actor actor) {
        ManagedExport managed = require(name);
        requireApiDefined(managed);
        managed.attemptLock().lock();
        try {
            if (exports.remove(name, managed)) {
                gone(name);
                repository.delete(name);
                boolean purged = purge && store.purge(name);
                audit.record(AuditEvent.of(clock.instant(), "export.deleted", actor, name, "success")
                        .withDetail(purged ? "files purged" : "files kept"));
                if (purged) {
                    audit.record(AuditEvent.of(clock.instant(), "file.delete", actor, name, "success"));
                }
            }
        } finally {
            managed.attemptLock().unlock();
        }
    }

    @Override
    public ExportStatus renew(String name, Actor actor) {
        ManagedExport managed = require(name);
        if (!managed.attemptLock().tryLock()) {
            throw new ExportConflictException("export '" + name + "' is being renewed right now");
        }
        try {
            Instant now = clock.instant();
            Optional<Instant> earliest = earliestIssuance(managed);
            if (earliest.isPresent() && now.isBefore(earliest.get())) {
                throw new RenewalTooSoonException(name, Duration.between(now, earliest.get()));
            }
            attempt(managed, managed.spec(), actor);
            return managed.status();
        } finally {
            managed.attemptLock().unlock();
        }
    }

    @Override
    public List<StoredFile> files(String name) {
        require(name);
        return store.files(name);
    }

    @Override
    public Optional<StoredFileContent> file(String name, String fileName) {
        require(name);
        return store.read(name, fileName);
    }

    private void requireStarted() {
        if (!started) {
            throw new ExporterStartingException();
        }
    }

    private ManagedExport require(String name) {
        requireStarted();
        ManagedExport managed = name == null ? null : exports.get(name);
        if (managed == null) {
            throw new ExportNotFoundException(name);
        }
        return managed;
    }

    private static void requireApiDefined(ManagedExport managed) {
        if (managed.origin() == Origin.CONFIG) {
            throw new ExportConflictException("export '" + managed.spec().name()
                    + "' is defined in the exporter's configuration and is read-only through the API");
        }
    }

    private void requireValid(ExportSpec spec) {
        List<FieldError> errors = new ArrayList<>(SpecValidator.validate(spec));
        if (errors.stream().noneMatch(e -> e.field().equals("hook"))) {
            errors.addAll(runner.hookProblems(spec));
        }
        errors.addAll(store.unmetPreconditions(spec));
        if (!errors.isEmpty()) {
            throw new SpecInvalidException(errors);
        }
    }
}
