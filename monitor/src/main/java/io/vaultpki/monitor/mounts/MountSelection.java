package io.vaultpki.monitor.mounts;

import io.micronaut.context.annotation.Context;

import java.util.List;
import java.util.Optional;

/**
 * Decides which PKI mounts are read: {@code monitor.mounts.only} (the Python exporter's {@code PKI_MOUNT_PATH})
 * limits the monitor to that one mount; otherwise a mount is read when it matches an include pattern (or there are
 * none) and no exclude pattern. Compiles the patterns once, so a bad one stops start-up naming its setting.
 */
@Context
public class MountSelection {

    private final Optional<String> onlyMount;
    private final List<MountPattern> include;
    private final List<MountPattern> exclude;
    private final List<String> namespaces;

    public MountSelection(MountsConfiguration configuration) {
        this.onlyMount = configuration.onlyMount().map(MountSelection::withTrailingSlash);
        this.include = configuration.include().stream().map(p -> MountPattern.parse("monitor.mounts.include", p)).toList();
        this.exclude = configuration.exclude().stream().map(p -> MountPattern.parse("monitor.mounts.exclude", p)).toList();
        List<String> configured = configuration.namespaces().stream()
                .map(ns -> ns.strip().replaceAll("^/+|/+$", "")).map(ns -> ns.isEmpty() ? "" : ns + "/")
                .distinct().toList();
        this.namespaces = configured.isEmpty() ? List.of("") : configured;
    }

    /** Whether the mount {@code path} (as Vault lists it, with trailing slash) is read. */
    public boolean selects(String path) {
        String mount = withTrailingSlash(path);
        if (onlyMount.isPresent()) {
            return onlyMount.get().equals(mount);
        }
        boolean included = include.isEmpty() || include.stream().anyMatch(p -> p.matches(mount));
        return included && exclude.stream().noneMatch(p -> p.matches(mount));
    }

    /**
     * The one mount {@code monitor.mounts.only} ({@code PKI_MOUNT_PATH}) names, with trailing slash; empty when it is not set. A named mount Vault
     * does not list as PKI is reported as not found rather than silently selecting nothing.
     */
    public Optional<String> namedMount() {
        return onlyMount;
    }

    /**
     * The namespaces to read, relative to the client's namespace, each with a trailing slash; {@code ""} is the
     * client's own namespace, the only one when {@code monitor.mounts.namespaces} is empty.
     */
    public List<String> namespaces() {
        return namespaces;
    }

    private static String withTrailingSlash(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p : p + "/";
    }
}
