package io.vaultpki.exporter.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The exports the exporter manages, by name: loaded once at start-up ({@link #isStarted()} until then is false, the
 * API answers 503 and readiness is DOWN), then changed only by the API's create and delete. A name is never managed
 * twice, and a name being created is reserved until its create ends. Everyone who keeps something per export (the
 * metrics) hears when an export goes.
 */
public final class ExportRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ExportRegistry.class);

    private final Map<String, ManagedExport> exports = new ConcurrentHashMap<>();
    private final Set<String> creating = ConcurrentHashMap.newKeySet();
    private final List<Consumer<String>> goneListeners = new CopyOnWriteArrayList<>();
    private volatile boolean started;

    /** Whether the exports are loaded; until then they are unknown. */
    public boolean isStarted() {
        return started;
    }

    /** The exports are loaded: the API and the renewal job may use them. */
    public void markStarted() {
        started = true;
    }

    public Optional<ManagedExport> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(exports.get(name));
    }

    public boolean contains(String name) {
        return exports.containsKey(name);
    }

    /** Whether {@code managed} is still the export managed under its name (not deleted meanwhile). */
    public boolean isManaged(ManagedExport managed) {
        return exports.get(managed.spec().name()) == managed;
    }

    /** The managed exports, a snapshot. */
    public Collection<ManagedExport> all() {
        return List.copyOf(exports.values());
    }

    /** Every export's state, by name; none before start-up: for the API, metrics and readiness. */
    public List<ExportStatus> statuses() {
        return exports.values().stream().map(ManagedExport::status)
                .sorted(Comparator.comparing(ExportStatus::name)).toList();
    }

    /** Manages {@code managed} under its name. */
    public void add(ManagedExport managed) {
        exports.put(managed.spec().name(), managed);
    }

    /** Stops managing {@code managed}; false when it was not (or no longer) the export of its name. */
    public boolean remove(ManagedExport managed) {
        return exports.remove(managed.spec().name(), managed);
    }

    /** Reserves {@code name} for a create; false when it is managed or another create holds it. */
    public boolean reserve(String name) {
        return !exports.containsKey(name) && creating.add(name);
    }

    /** Ends a create's reservation. */
    public void release(String name) {
        creating.remove(name);
    }

    /**
     * Registers {@code listener} to hear the name of every export that is no longer managed, or never was: deleted
     * through the API, or an API create that failed. The metrics drop the name's series.
     */
    public void onExportGone(Consumer<String> listener) {
        goneListeners.add(listener);
    }

    /** Tells the listeners that {@code name} is gone; a listener's failure is logged and never stops the others. */
    public void gone(String name) {
        for (Consumer<String> listener : goneListeners) {
            try {
                listener.accept(name);
            } catch (RuntimeException e) {
                LOG.warn("Cleaning up after export '{}' failed: {}", name, e.toString());
            }
        }
    }
}
