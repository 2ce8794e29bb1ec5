package io.vaultpki.exporter.export;

import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.audit.AuditEvent;
import io.vaultpki.exporter.audit.AuditSink;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.files.ExportStore;
import io.vaultpki.exporter.files.RevocationRecord;
import io.vaultpki.exporter.files.StoredFile;
import io.vaultpki.exporter.files.StoredFileContent;
import io.vaultpki.exporter.hook.Hooks;
import io.vaultpki.exporter.registry.ExportRegistry;
import io.vaultpki.exporter.registry.ExportStatus;
import io.vaultpki.exporter.registry.ManagedExport;
import io.vaultpki.exporter.registry.SpecRepository;
import io.vaultpki.exporter.renewal.AttemptResult;
import io.vaultpki.exporter.renewal.ExportAttempts;
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
import java.util.List;
import java.util.Optional;

/**
 * The API's operations on the registry of exports, each with its audit line: configuration exports are read-only, an
 * API export is persisted only after its first write succeeded, a name is never defined twice, a change or renewal
 * waits for no running attempt (409 instead), and a failed change leaves everything as it was.
 */
public final class ExportOperations implements ExportService {

    private static final Logger LOG = LoggerFactory.getLogger(ExportOperations.class);

    private final ExportRegistry registry;
    private final ExportAttempts attempts;
    private final ExportStore store;
    private final SpecRepository repository;
    private final Hooks hooks;
    private final AuditSink audit;
    private final Clock clock;

    public ExportOperations(ExportRegistry registry, ExportAttempts attempts, ExportStore store, SpecRepository repository,
                            Hooks hooks, AuditSink audit, Clock clock) {
        this.registry = registry;
        this.attempts = attempts;
        this.store = store;
        this.repository = repository;
        this.hooks = hooks;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<ExportStatus> list() {
        requireStarted();
        return registry.statuses();
    }

    @Override
    public Optional<ExportStatus> get(String name) {
        requireStarted();
        return registry.find(name).map(ManagedExport::status);
    }

    @Override
    public ExportStatus create(ExportSpec spec, Actor actor) {
        requireStarted();
        requireValid(spec);
        String name = spec.name();
        if (!registry.reserve(name)) {
            throw new ExportConflictException("an export named '" + name + "' already exists");
        }
        try {
            if (registry.contains(name)) {
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
                attempts.attempt(managed, spec, actor);
                if (existedBefore) {
                    // a new export never revokes what an earlier one of that name left: neither its pending entries
                    // nor the certificate of the kept files its first write just replaced
                    forgetRevocations(name);
                }
                try {
                    repository.save(spec);
                } catch (RuntimeException persistFailure) {
                    if (!existedBefore) {
                        store.purge(name);
                    }
                    throw persistFailure;
                }
                registry.add(managed);
            } catch (RuntimeException rejected) {
                // the attempt already counted itself under this name: a create that left no export leaves no series
                registry.gone(name);
                throw rejected;
            } finally {
                managed.attemptLock().unlock();
            }
            audit.record(AuditEvent.of(clock.instant(), "export.created", actor, name, "success")
                    .withSerial(managed.metadata().map(ExportMetadata::serial).orElse(null)));
            return managed.status();
        } finally {
            registry.release(name);
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
            AttemptResult result = attempts.tryOut(spec, actor);
            repository.save(spec);
            managed.spec(spec);
            attempts.succeeded(managed, result, clock.instant());
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
            if (registry.remove(managed)) {
                registry.gone(name);
                repository.delete(name);
                forgetRevocations(name);
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
            Optional<Instant> earliest = attempts.earliestIssuance(managed);
            if (earliest.isPresent() && now.isBefore(earliest.get())) {
                throw new RenewalTooSoonException(name, Duration.between(now, earliest.get()));
            }
            attempts.attempt(managed, managed.spec(), actor);
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

    @Override
    public RevocationRecord revocations(String name) {
        require(name);
        return store.revocations(name);
    }

    /** Deleting never revokes: replaced certificates still pending stay valid until they expire. */
    private void forgetRevocations(String name) {
        try {
            store.forgetRevocations(name);
        } catch (RuntimeException e) {
            // not managed any more, so nothing processes the ledger; a purge or the next create removes it
            LOG.warn("Export '{}' deleted, but its revocation ledger could not be removed: {}", name, e.getMessage());
        }
    }

    private void requireStarted() {
        if (!registry.isStarted()) {
            throw new ExporterStartingException();
        }
    }

    private ManagedExport require(String name) {
        requireStarted();
        return registry.find(name).orElseThrow(() -> new ExportNotFoundException(name));
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
            errors.addAll(hooks.problemsOf(spec));
        }
        errors.addAll(store.unmetPreconditions(spec));
        if (!errors.isEmpty()) {
            throw new SpecInvalidException(errors);
        }
    }
}
