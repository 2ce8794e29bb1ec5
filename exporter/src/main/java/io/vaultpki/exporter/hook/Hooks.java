package io.vaultpki.exporter.hook;

import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.FieldError;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configured hooks by name ({@code exporter.hooks.<name>}), fixed at start-up. Exports hold only a name and look
 * the command up here when they switch, so no command ever comes from an export spec, an API body or a spec file.
 */
public final class Hooks {

    private final Map<String, HookConfiguration> byName;

    private Hooks(Map<String, HookConfiguration> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static Hooks of(Collection<HookConfiguration> hooks) {
        Map<String, HookConfiguration> map = new TreeMap<>();
        for (HookConfiguration h : hooks) {
            if (map.put(h.name(), h) != null) {
                throw new IllegalArgumentException("hook '" + h.name() + "' is defined twice");
            }
        }
        return new Hooks(map);
    }

    public static Hooks of(HookConfiguration... hooks) {
        return of(List.of(hooks));
    }

    public static Hooks none() {
        return new Hooks(Map.of());
    }

    public Optional<HookConfiguration> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    public boolean contains(String name) {
        return name != null && byName.containsKey(name);
    }

    /** A hook name that is not configured, as a field error; empty when the spec names none or a configured one. */
    public List<FieldError> problemsOf(ExportSpec spec) {
        if (spec.hook() == null || contains(spec.hook())) {
            return List.of();
        }
        return List.of(new FieldError("hook", "no hook named '" + spec.hook() + "' is configured (exporter.hooks)"));
    }

    /** The configured names, sorted; the only values the {@code hook} metric label can take. */
    public Set<String> names() {
        return new java.util.TreeSet<>(byName.keySet());
    }

    @Override
    public String toString() {
        return "Hooks" + names();
    }
}
