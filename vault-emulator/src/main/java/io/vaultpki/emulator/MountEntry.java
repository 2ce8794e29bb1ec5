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
 * @param passthroughRequestHeaders tune {@code passthrough_request_headers}: request headers handed to the backend
 * @param allowedResponseHeaders    tune {@code allowed_response_headers}: backend response headers sent to the client
 * @param auditNonHmacRequestKeys   tune {@code audit_non_hmac_request_keys}: request fields audit logs in clear
 * @param auditNonHmacResponseKeys  tune {@code audit_non_hmac_response_keys}: response fields audit logs in clear
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
        String listingVisibility,
        java.util.List<String> passthroughRequestHeaders,
        java.util.List<String> allowedResponseHeaders,
        java.util.List<String> auditNonHmacRequestKeys,
        java.util.List<String> auditNonHmacResponseKeys) {

    MountEntry {
        passthroughRequestHeaders = java.util.List.copyOf(passthroughRequestHeaders);
        allowedResponseHeaders = java.util.List.copyOf(allowedResponseHeaders);
        auditNonHmacRequestKeys = java.util.List.copyOf(auditNonHmacRequestKeys);
        auditNonHmacResponseKeys = java.util.List.copyOf(auditNonHmacResponseKeys);
    }

    boolean isAuth() {
        return path.startsWith("auth/");
    }

    MountEntry withListingVisibility(String visibility) {
        return new MountEntry(namespace, path, backend, description, accessor, uuid, options, local, visibility,
                passthroughRequestHeaders, allowedResponseHeaders, auditNonHmacRequestKeys, auditNonHmacResponseKeys);
    }

    MountEntry withTune(java.util.List<String> passthrough, java.util.List<String> allowed) {
        return new MountEntry(namespace, path, backend, description, accessor, uuid, options, local,
                listingVisibility, passthrough, allowed, auditNonHmacRequestKeys, auditNonHmacResponseKeys);
    }

    MountEntry withTune(MountTune tune) {
        return new MountEntry(namespace, path, backend, description, accessor, uuid, options, local,
                listingVisibility, tune.passthroughRequestHeaders(), tune.allowedResponseHeaders(),
                tune.auditNonHmacRequestKeys(), tune.auditNonHmacResponseKeys());
    }

    /** Whether the tune hands {@code header} (any case, as Vault canonicalises names) to the backend. */
    boolean passesThrough(String header) {
        return passthroughRequestHeaders.stream().anyMatch(h -> h.equalsIgnoreCase(header));
    }

    /** Whether the tune lets the backend send {@code header} (any case) to the client. */
    boolean allowsResponseHeader(String header) {
        return allowedResponseHeaders.stream().anyMatch(h -> h.equalsIgnoreCase(header));
    }
}
