package io.vaultpki.monitor.refresh;

import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.sys.SecretsMount;
import io.vaultpki.monitor.mounts.MountSelection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The engines one refresh reads: the PKI mounts of each configured namespace that the {@link MountSelection}
 * selects, each with its {@link EngineMemory}, plus an engine that is not up (reason {@code not_found}) for a
 * mount {@code PKI_MOUNT_PATH} names but Vault does not list as PKI: its absence is a finding, not an empty
 * selection.
 */
final class MountDiscovery {

    /** The header whose passthrough makes conditional CRL reads work on a mount. */
    static final String IF_MODIFIED_SINCE = "If-Modified-Since";

    /**
     * @param works    the listed mounts to read
     * @param notFound engines of mounts named but not listed, already final
     * @param missing  their engine labels
     */
    record Found(List<EngineWork> works, List<EngineSnapshot> notFound, Set<String> missing) {
    }

    private final VaultClient client;
    private final MountSelection selection;
    private final RefreshMetrics metrics;
    private final String namespace;
    private final Map<String, EngineMemory> memories = new ConcurrentHashMap<>();

    MountDiscovery(VaultClient client, MountSelection selection, RefreshMetrics metrics) {
        this.client = client;
        this.selection = selection;
        this.metrics = metrics;
        String ns = client.settings().namespace();
        this.namespace = ns == null ? "" : ns.replaceAll("^/+|/+$", "") + "/";
    }

    /**
     * @param conditionalVault whether Vault answers conditional CRL reads (1.12+); a mount must also pass the
     *                         header through
     */
    Found discover(VaultCalls calls, PkiSnapshot previous, boolean conditionalVault) {
        Map<String, EngineSnapshot> old = previous.engines().stream()
                .collect(Collectors.toMap(EngineSnapshot::engine, Function.identity(), (a, b) -> a));
        List<EngineWork> works = new ArrayList<>();
        List<EngineSnapshot> notFound = new ArrayList<>();
        Set<String> missing = new java.util.HashSet<>();
        for (String child : selection.namespaces()) {
            VaultClient view = client.inNamespace(child);
            String ns = namespace + child;
            List<String> listed = new ArrayList<>();
            for (SecretsMount m : calls.call("list_mounts", view.sys()::listPkiMounts)) {
                if (selection.selects(m.path())) {
                    listed.add(m.path());
                    String engine = ns + m.path();
                    works.add(new EngineWork(engine, ns, m.path(), view.pki(m.path()), view.sys(),
                            conditionalVault && m.passesThrough(IF_MODIFIED_SINCE), Optional.ofNullable(old.get(engine)),
                            memories.computeIfAbsent(engine, e -> new EngineMemory())));
                }
            }
            selection.namedMount().filter(named -> !listed.contains(named)).ifPresent(named -> {
                missing.add(ns + named);
                notFound.add(notAPkiMount(ns, named));
            });
        }
        return new Found(works, notFound, missing);
    }

    /** Forgets the memory of engines no longer read. */
    void retain(Set<String> engines) {
        memories.keySet().retainAll(engines);
    }

    /**
     * The engine of a mount {@code PKI_MOUNT_PATH} names but Vault does not list as PKI: not up, reason
     * {@code not_found}, no issuers. The mount listing does not say which of the two it is (it holds only PKI
     * mounts, or only those the token may use), so the message names both.
     */
    private EngineSnapshot notAPkiMount(String ns, String path) {
        String engine = ns + path;
        RefreshError error = new RefreshError(engine, FailureReason.NOT_FOUND, "PKI_MOUNT_PATH names " + path
                + ", which Vault does not list as a PKI secrets engine" + (ns.isEmpty() ? "" : " in namespace " + ns)
                + ": no such mount, a mount of another type (e.g. kv), or one the monitor's token may not see", path);
        metrics.error(error);
        return new EngineSnapshot(engine, ns, path, false, Optional.empty(), List.of(), List.of(), List.of(), false,
                List.of(error));
    }
}
