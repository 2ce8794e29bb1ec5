package io.vaultpki.emulator;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.go.GoJson;
import io.vaultpki.emulator.spi.Backend;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.spi.Operation;
import io.vaultpki.emulator.spi.TokenEntry;

import java.util.Optional;

/**
 * The logical part of {@code sys/}: the mount table views {@code sys/mounts}, {@code sys/mounts/<path>},
 * {@code sys/mounts/<path>/tune},
 * {@code sys/internal/ui/mounts} and {@code sys/internal/ui/mounts/<path>}
 * (https://developer.hashicorp.com/vault/api-docs/system/mounts,
 * https://developer.hashicorp.com/vault/api-docs/system/internal-ui-mounts).
 * The node endpoints (health, seal-status, leader) are not logical and live in {@link NodeEndpoints}.
 */
final class SysBackend implements Backend {

    private static final String UI_MOUNTS = "internal/ui/mounts";
    /** Vault's system-wide default and maximum lease TTL (768h), what a mount without its own reports. */
    private static final long SYSTEM_DEFAULT_TTL = 768 * 3600;

    private final MountTable mounts;
    private final PolicyStore policies;
    private final String runningVersion;

    SysBackend(MountTable mounts, PolicyStore policies, Flavor flavor, String version) {
        this.mounts = mounts;
        this.policies = policies;
        this.runningVersion = "v" + version.replaceAll("\\+.*", "")
                + (flavor == Flavor.VAULT ? "+builtin.vault" : "+builtin.openbao");
    }

    @Override
    public String type() {
        return "system";
    }

    @Override
    public boolean isUnauthenticated(Operation operation, String relativePath) {
        return relativePath.equals(UI_MOUNTS) || relativePath.startsWith(UI_MOUNTS + "/");
    }

    @Override
    public EmulatorResponse handle(EmulatorRequest request) {
        String path = request.relativePath();
        boolean read = request.operation() == Operation.READ;
        if (path.equals("mounts")) {
            return read ? EmulatorResponse.ok(mountTable(request.namespace())) : Backend.unsupportedOperation();
        }
        if (path.startsWith("mounts/") && path.endsWith("/tune") && path.length() > "mounts//tune".length()) {
            return read ? readTune(request.namespace(), path.substring("mounts/".length(), path.length() - 5))
                    : Backend.unsupportedOperation();
        }
        if (path.startsWith("mounts/")) {
            return read ? readMount(request.namespace(), path.substring("mounts/".length()))
                    : Backend.unsupportedOperation();
        }
        if (path.equals(UI_MOUNTS)) {
            return read ? EmulatorResponse.ok(uiMounts(request)) : Backend.unsupportedOperation();
        }
        if (path.startsWith(UI_MOUNTS + "/")) {
            return read ? uiMount(request, path.substring(UI_MOUNTS.length() + 1)) : Backend.unsupportedOperation();
        }
        return Backend.unsupportedPath();
    }

    private ObjectNode mountTable(String namespace) {
        var data = GoJson.object();
        for (MountEntry entry : mounts.inNamespace(namespace)) {
            if (!entry.isAuth()) {
                data.set(entry.path(), info(entry));
            }
        }
        return data;
    }

    private EmulatorResponse readMount(String namespace, String path) {
        String sanitized = MountTable.normalizePath(path);
        return mounts.match(namespace, sanitized).filter(e -> !e.isAuth())
                .map(e -> EmulatorResponse.ok(info(e)))
                .orElseGet(() -> EmulatorResponse.error(400, "No secret engine mount at " + sanitized));
    }

    /**
     * {@code GET sys/mounts/:path/tune}: {@code handleTuneReadCommon} in
     * https://github.com/openbao/openbao/blob/main/internal/vault/logical_system.go (Vault's is the same,
     * https://developer.hashicorp.com/vault/api-docs/system/mounts#read-mount-configuration): the effective TTLs
     * (the system default 768h when the mount sets none), and each list only when the tune set it.
     */
    private EmulatorResponse readTune(String namespace, String path) {
        String sanitized = MountTable.normalizePath(path);
        var entry = mounts.match(namespace, sanitized);
        if (entry.isEmpty()) {
            return EmulatorResponse.error(400, "cannot fetch sysview for path \"" + sanitized + "\"");
        }
        MountEntry e = entry.get();
        var data = GoJson.object();
        data.put("description", e.description());
        data.put("default_lease_ttl", SYSTEM_DEFAULT_TTL);
        data.put("max_lease_ttl", SYSTEM_DEFAULT_TTL);
        data.put("force_no_cache", false);
        if (e.isAuth()) {
            data.put("token_type", "default-service");
        }
        putIfAny(data, "audit_non_hmac_request_keys", e.auditNonHmacRequestKeys());
        putIfAny(data, "audit_non_hmac_response_keys", e.auditNonHmacResponseKeys());
        if (!e.listingVisibility().isEmpty()) {
            data.put("listing_visibility", e.listingVisibility());
        }
        putIfAny(data, "passthrough_request_headers", e.passthroughRequestHeaders());
        putIfAny(data, "allowed_response_headers", e.allowedResponseHeaders());
        if (e.options() != null && !e.options().isEmpty()) {
            data.set("options", e.options().deepCopy());
        }
        return EmulatorResponse.ok(data);
    }

    private static void putIfAny(ObjectNode data, String field, java.util.List<String> values) {
        if (!values.isEmpty()) {
            data.set(field, GoJson.array(values));
        }
    }

    private ObjectNode uiMounts(EmulatorRequest request) {
        var secret = GoJson.object();
        var auth = GoJson.object();
        for (MountEntry entry : mounts.inNamespace(request.namespace())) {
            boolean visible = entry.listingVisibility().equals("unauth");
            ObjectNode view;
            if (request.token().isPresent()) {
                if (!visible && !hasAccess(request, request.token().get(), entry)) {
                    continue;
                }
                view = info(entry);
            } else {
                if (!visible) {
                    continue;
                }
                view = GoJson.object();
                view.put("type", entry.backend().type());
                view.put("description", entry.description());
                view.set("options", entry.options() == null ? NullNode.getInstance() : entry.options());
            }
            if (entry.isAuth()) {
                auth.set(entry.path().substring("auth/".length()), view);
            } else {
                secret.set(entry.path(), view);
            }
        }
        var data = GoJson.object();
        data.set("auth", auth);
        data.set("secret", secret);
        return data;
    }

    private EmulatorResponse uiMount(EmulatorRequest request, String path) {
        String sanitized = MountTable.normalizePath(path);
        var denied = EmulatorResponse.error(403, "preflight capability check returned 403, please ensure client's "
                + "policies grant access to path \"" + sanitized + "\"");
        if (request.token().isEmpty()) {
            return denied;
        }
        Optional<MountEntry> entry = mounts.match(request.namespace(), sanitized);
        if (entry.isEmpty() || !hasAccess(request, request.token().get(), entry.get())) {
            return denied;
        }
        var info = info(entry.get());
        info.put("path", entry.get().isAuth() ? entry.get().path().substring("auth/".length()) : entry.get().path());
        return EmulatorResponse.ok(info);
    }

    private boolean hasAccess(EmulatorRequest request, TokenEntry token, MountEntry entry) {
        String relative = request.namespace().substring(Math.min(token.namespace().length(),
                request.namespace().length()));
        return policies.hasAnyAccessUnder(token, relative + entry.path());
    }

    /**
     * The {@code mountInfo} object
     * (https://github.com/openbao/openbao/blob/main/internal/vault/logical_system.go, {@code mountInfo}).
     */
    private ObjectNode info(MountEntry entry) {
        var info = GoJson.object();
        String type = entry.backend().type();
        info.put("type", type);
        info.put("description", entry.description());
        info.put("accessor", entry.accessor());
        info.put("local", entry.local());
        info.put("seal_wrap", false);
        info.put("external_entropy_access", false);
        info.set("options", entry.options() == null ? NullNode.getInstance() : entry.options().deepCopy());
        info.put("uuid", entry.uuid());
        info.put("plugin_version", "");
        info.put("running_plugin_version", runningVersion);
        info.put("running_sha256", "");
        if (!type.equals("system") && !type.equals("cubbyhole") && !type.equals("identity")) {
            info.put("deprecation_status", "supported");
        }
        var config = GoJson.object();
        config.put("default_lease_ttl", 0);
        config.put("max_lease_ttl", 0);
        config.put("force_no_cache", false);
        if (type.equals("system")) {
            config.set("passthrough_request_headers", GoJson.array(java.util.List.of("Accept")));
        }
        // omitempty in Vault's MountConfigOutput: present only when the mount was tuned with them
        if (!entry.passthroughRequestHeaders().isEmpty()) {
            config.set("passthrough_request_headers", GoJson.array(entry.passthroughRequestHeaders()));
        }
        if (!entry.allowedResponseHeaders().isEmpty()) {
            config.set("allowed_response_headers", GoJson.array(entry.allowedResponseHeaders()));
        }
        if (entry.isAuth()) {
            config.put("token_type", "default-service");
        }
        if (!entry.listingVisibility().isEmpty()) {
            config.put("listing_visibility", entry.listingVisibility());
        }
        info.set("config", config);
        return info;
    }
}
