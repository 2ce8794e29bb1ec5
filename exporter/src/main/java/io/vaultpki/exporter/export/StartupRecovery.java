package io.vaultpki.exporter.export;

import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.files.ExportStore;
import io.vaultpki.exporter.files.RecoveryReport;
import io.vaultpki.exporter.hook.Hooks;
import io.vaultpki.exporter.registry.ExportRegistry;
import io.vaultpki.exporter.registry.ManagedExport;
import io.vaultpki.exporter.registry.SpecRepository;
import io.vaultpki.exporter.renewal.WindowedPlan;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.FieldError;
import io.vaultpki.exporter.spec.Origin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The start-up step that brings the exports back: recovers the export directory from an interrupted write, removes
 * the temp files of an interrupted spec save, loads the configuration's exports and the persisted API exports, and
 * adopts the files that are still current, all without a Vault call; adopted files that are due outside their renew
 * window wait for it, as in the running service. A name defined both in the configuration and
 * through the API stops it. Runs once the HTTP port is bound ({@link ExporterStartup}), so a port clash stops the
 * exporter before it touches the disk.
 */
public final class StartupRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(StartupRecovery.class);

    private final List<ExportSpec> configured;
    private final ExportRegistry registry;
    private final ExportStore store;
    private final SpecRepository repository;
    private final Hooks hooks;
    private final Clock clock;
    private final WindowedPlan windows;

    /** @param windows the renew-window rules: adopted files due outside their window wait for it */
    public StartupRecovery(List<ExportSpec> configured, ExportRegistry registry, ExportStore store,
                           SpecRepository repository, Hooks hooks, Clock clock, WindowedPlan windows) {
        this.configured = List.copyOf(configured);
        this.registry = registry;
        this.store = store;
        this.repository = repository;
        this.hooks = hooks;
        this.clock = clock;
        this.windows = windows;
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

    /** Recovers and loads the exports, once; afterwards the registry is started. */
    public synchronized void start() {
        if (registry.isStarted()) {
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
            load(spec, Origin.CONFIG, now, recovery);
        }
        for (ExportSpec spec : repository.loadAll()) {
            if (registry.contains(spec.name())) {
                throw definedTwice(spec);
            }
            load(spec, Origin.API, now, recovery);
            hooks.problemsOf(spec).forEach(problem -> LOG.warn("Export '{}' names hook '{}', which is not configured"
                    + " (exporter.hooks.{}.command); its switches run no hook until it is", spec.name(), spec.hook(),
                    spec.hook()));
        }
        registry.markStarted();
        List<ManagedExport> exports = List.copyOf(registry.all());
        long adopted = exports.stream().filter(e -> e.metadata().isPresent() && e.nextAttempt().isAfter(now)).count();
        LOG.info("Managing {} export(s) under {}: {} current on disk (no Vault call), {} due now", exports.size(),
                store.root(), adopted, exports.size() - adopted);
    }

    /**
     * The exports as {@link #start()} would load them, for a dry run: read only, so nothing is recovered, written,
     * created or registered (an export whose last write was interrupted may show as having no files, which recovery
     * would repair first). A name defined both in the configuration and through the API stops it, as it stops start-up.
     */
    public List<ManagedExport> preview() {
        checkConfiguration();
        Instant now = clock.instant();
        Map<String, ManagedExport> exports = new LinkedHashMap<>();
        for (ExportSpec spec : configured) {
            exports.put(spec.name(), placed(ManagedExport.loaded(spec, Origin.CONFIG, store.directory(spec.name()),
                    store.current(spec.name()), now)));
        }
        for (ExportSpec spec : repository.loadAll()) {
            if (exports.containsKey(spec.name())) {
                throw definedTwice(spec);
            }
            exports.put(spec.name(), placed(ManagedExport.loaded(spec, Origin.API, store.directory(spec.name()),
                    store.current(spec.name()), now)));
        }
        return List.copyOf(exports.values());
    }

    private IllegalStateException definedTwice(ExportSpec spec) {
        return new IllegalStateException("export '" + spec.name() + "' is defined in configuration (exporter.exports."
                + spec.name() + ") and through the API (" + repository.file(spec.name()) + "); remove one of them");
    }

    /**
     * Registers {@code spec} with the current version recovery has just read and checked (each export's files are
     * read and hashed once at start-up, not twice); an export recovery did not find intact is read from the store.
     */
    private void load(ExportSpec spec, Origin origin, Instant now, RecoveryReport recovery) {
        Optional<ExportMetadata> current = recovery.checkedCurrent(spec.name());
        ManagedExport managed = ManagedExport.loaded(spec, origin, store.directory(spec.name()),
                current.isPresent() ? current : store.current(spec.name()), now);
        registry.add(placed(managed));
    }

    /** Files that are current or due wait for their renew window, as the running service would have them wait. */
    private ManagedExport placed(ManagedExport managed) {
        managed.placed(windows.place(managed.spec(), managed.metadata().orElse(null), managed.nextAttempt()));
        return managed;
    }
}
