package io.vaultpki.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.go.GoJson;
import io.vaultpki.emulator.spi.Backend;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.NamespacePath;
import io.vaultpki.emulator.spi.Operation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** (namespace, path) → backend, resolved by longest prefix like Vault's router. */
public final class MountTable {

    private final Map<String, MountEntry> entries = new ConcurrentHashMap<>();
    private Backend systemBackend;
    private Backend tokenBackend;

    MountTable() {
    }

    void defaultBackends(Backend system, Backend token) {
        this.systemBackend = system;
        this.tokenBackend = token;
    }

    /** The mounts every namespace has; the root namespace also gets the dev server's KV v2 at {@code secret/}. */
    void mountDefaults(String namespace, boolean root) {
        mount(namespace, "sys/", systemBackend, "system endpoints used for control, policy and debugging", null, false);
        mount(namespace, "cubbyhole/", new EmptyBackend("cubbyhole"), "per-token private secret storage", null, true);
        mount(namespace, "identity/", new EmptyBackend("identity"), "identity store", null, false);
        mount(namespace, "auth/token/", tokenBackend, "token based credentials", null, false);
        if (root) {
            var options = GoJson.object().put("version", "2");
            mount(namespace, "secret/", new EmptyBackend("kv"), "key/value secret storage", options, false);
        }
    }

    MountEntry mount(String namespace, String path, Backend backend, String description, ObjectNode options,
                     boolean local) {
        String ns = NamespacePath.normalize(namespace);
        String p = normalizePath(path);
        String accessor = backend.type() + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        var entry = new MountEntry(ns, p, backend, description, accessor, UUID.randomUUID().toString(), options,
                local, "", List.of(), List.of(), List.of(), List.of());
        if (entries.putIfAbsent(ns + p, entry) != null) {
            throw new IllegalStateException("path is already in use at " + p);
        }
        return entry;
    }

    boolean unmount(String namespace, String path) {
        return entries.remove(NamespacePath.normalize(namespace) + normalizePath(path)) != null;
    }

    Optional<MountEntry> exact(String namespace, String path) {
        return Optional.ofNullable(entries.get(NamespacePath.normalize(namespace) + normalizePath(path)));
    }

    /** Shows the mount to anonymous {@code sys/internal/ui/mounts} callers ({@code listing_visibility=unauth}). */
    public void listUnauthenticated(String namespace, String path) {
        String key = NamespacePath.normalize(namespace) + normalizePath(path);
        entries.computeIfPresent(key, (k, e) -> e.withListingVisibility("unauth"));
    }

    /**
     * Tunes a mount as {@code POST sys/mounts/:path/tune} does with {@code passthrough_request_headers} and
     * {@code allowed_response_headers} (https://developer.hashicorp.com/vault/api-docs/system/mounts#tune-mount-configuration):
     * only the request headers named are handed to the engine (e.g. {@code If-Modified-Since} for the PKI engine's
     * conditional CA and CRL reads), and only the response headers named reach the client (e.g.
     * {@code Last-Modified}). Replaces both lists.
     *
     * @throws IllegalArgumentException when there is no such mount
     */
    public void tune(String namespace, String path, List<String> passthroughRequestHeaders,
                     List<String> allowedResponseHeaders) {
        String key = NamespacePath.normalize(namespace) + normalizePath(path);
        if (entries.computeIfPresent(key, (k, e) -> e.withTune(passthroughRequestHeaders, allowedResponseHeaders))
                == null) {
            throw new IllegalArgumentException("no mount at " + path);
        }
    }

    /**
     * Tunes a mount's header and audit lists at once ({@code POST sys/mounts/:path/tune},
     * https://developer.hashicorp.com/vault/api-docs/system/mounts#tune-mount-configuration); {@code GET} of the
     * same path then reports them. Replaces all four lists.
     *
     * @throws IllegalArgumentException when there is no such mount
     */
    public void tune(String namespace, String path, MountTune tune) {
        String key = NamespacePath.normalize(namespace) + normalizePath(path);
        if (entries.computeIfPresent(key, (k, e) -> e.withTune(tune)) == null) {
            throw new IllegalArgumentException("no mount at " + path);
        }
    }

    /** Longest-prefix match of {@code path} (no leading slash) among the namespace's mounts. */
    Optional<MountEntry> match(String namespace, String path) {
        String withSlash = path.endsWith("/") ? path : path + "/";
        MountEntry best = null;
        for (MountEntry e : entries.values()) {
            if (e.namespace().equals(namespace) && withSlash.startsWith(e.path())
                    && (best == null || e.path().length() > best.path().length())) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    List<MountEntry> inNamespace(String namespace) {
        var list = new ArrayList<MountEntry>();
        for (MountEntry e : entries.values()) {
            if (e.namespace().equals(namespace)) {
                list.add(e);
            }
        }
        list.sort(Comparator.comparing(MountEntry::path));
        return list;
    }

    static String normalizePath(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            throw new IllegalArgumentException("mount path must not be empty");
        }
        return p.endsWith("/") ? p : p + "/";
    }

    /**
     * A mount that holds nothing (the default {@code cubbyhole/}, {@code identity/} and {@code secret/} mounts, present
     * so the mount table looks like a real server's): every read and list finds nothing.
     */
    static final class EmptyBackend implements Backend {
        private final String type;

        EmptyBackend(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public boolean isUnauthenticated(Operation operation, String relativePath) {
            return false;
        }

        @Override
        public EmulatorResponse handle(EmulatorRequest request) {
            return switch (request.operation()) {
                case READ, LIST -> EmulatorResponse.notFound();
                default -> Backend.unsupportedOperation();
            };
        }
    }
}
