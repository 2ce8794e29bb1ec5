package io.vaultpki.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.spi.Backend;

/**
 * One row of the mount table.
 *
 * @param namespace         namespace with trailing slash, {@code ""} for root
 * @param path              mount path with trailing slash; auth mounts start with {@code auth/}
 * @param backend           the engine answering requests under the path
 * @param description       as shown by {@code sys/mounts}
 * @param accessor          e.g. {@code pki_1a2b3c4d}
 * @param uuid              mount UUID
 * @param options           {@code options} object, null for most engines, {@code {"version":"2"}} for KV v2
 * @param local             {@code local} flag
 * @param listingVisibility {@code "unauth"} to show the mount to anonymous {@code sys/internal/ui/mounts} callers
 */
record MountEntry(
        String namespace,
        String path,
        Backend backend,
        String description,
        String accessor,
        String uuid,
        ObjectNode options,
        boolean local,
        String listingVisibility) {

    boolean isAuth() {
        return path.startsWith("auth/");
    }

    MountEntry withListingVisibility(String visibility) {
        return new MountEntry(namespace, path, backend, description, accessor, uuid, options, local, visibility);
    }
}
