package io.vaultpki.emulator;

import io.vaultpki.emulator.pki.PkiBackend;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.spi.NamespacePath;

import java.time.Clock;
import java.util.Optional;

/** Enables and finds PKI secrets engines in the emulator's mount table. */
public final class PkiEngines {

    private final MountTable mounts;
    private final Namespaces namespaces;
    private final Clock clock;
    private final Flavor flavor;
    private final String version;

    PkiEngines(MountTable mounts, Namespaces namespaces, Clock clock, Flavor flavor, String version) {
        this.mounts = mounts;
        this.namespaces = namespaces;
        this.clock = clock;
        this.flavor = flavor;
        this.version = version;
    }

    /** Mounts a new, empty PKI engine (with the features of the emulator's version) at {@code path} (e.g. {@code pki} or {@code team/a/pki}) in the root namespace. */
    public PkiMount enable(String path) {
        return enable("", path);
    }

    /** Mounts a new PKI engine in a namespace (created on the fly when namespaces are honoured). */
    public PkiMount enable(String namespace, String path) {
        String ns = NamespacePath.normalize(namespace);
        if (!ns.isEmpty() && !namespaces.exists(ns)) {
            namespaces.create(ns);
        }
        String mountPath = MountTable.normalizePath(path);
        var backend = new PkiBackend(clock, flavor, version, ns, mountPath);
        mounts.mount(ns, mountPath, backend, "", null, false);
        return backend;
    }

    /** Unmounts the engine; true when there was one. */
    public boolean disable(String path) {
        return disable("", path);
    }

    public boolean disable(String namespace, String path) {
        return mount(namespace, path).isPresent() && mounts.unmount(namespace, path);
    }

    public Optional<PkiMount> mount(String path) {
        return mount("", path);
    }

    public Optional<PkiMount> mount(String namespace, String path) {
        return mounts.exact(namespace, path)
                .filter(e -> e.backend() instanceof PkiMount)
                .map(e -> (PkiMount) e.backend());
    }
}
