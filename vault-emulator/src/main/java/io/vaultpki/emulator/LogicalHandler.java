package io.vaultpki.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.go.GoText;
import io.vaultpki.emulator.spi.Backend;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.spi.Operation;
import io.vaultpki.emulator.spi.TokenEntry;
import io.vaultpki.emulator.token.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code /v1/} request that is not a node endpoint: Vault's {@code handleLogical}
 * (https://github.com/openbao/openbao/blob/main/internal/http/logical.go) and the core's request handling
 * (https://github.com/openbao/openbao/blob/main/internal/vault/request_handling.go), in their order: seal and
 * standby checks, wrap TTL, operation, body, namespace, longest-prefix mount match, token and ACL check (skipped
 * on the backend's unauthenticated paths), backend, rendering. Each step either passes or throws a
 * {@link Refusal} carrying Vault's exact answer.
 */
final class LogicalHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LogicalHandler.class);

    private final Flavor flavor;
    private final Faults faults;
    private final Namespaces namespaces;
    private final MountTable mounts;
    private final TokenStore tokens;
    private final PolicyStore policies;
    private final ResponseRenderer renderer;
    private final RequestBody bodies;

    LogicalHandler(Flavor flavor, Faults faults, Namespaces namespaces, MountTable mounts, TokenStore tokens,
                   PolicyStore policies, ResponseRenderer renderer) {
        this.flavor = flavor;
        this.faults = faults;
        this.namespaces = namespaces;
        this.mounts = mounts;
        this.tokens = tokens;
        this.policies = policies;
        this.renderer = renderer;
        this.bodies = new RequestBody(flavor, renderer);
    }

    RenderedResponse handle(IncomingRequest request) throws IOException {
        try {
            refuseWhenSealedOrStandby(request);
            refuseNegativeWrapTtl(request);
            Operation operation = operation(request.method(), request.query());
            ObjectNode body = bodies.parse(request, operation);
            var resolved = namespaces.resolve(request.namespaceHeader(), request.trimmedPath());
            Optional<TokenEntry> token = validToken(request.token(), resolved.namespace());
            if (!resolved.known()) {
                throw denied(request.token() != null && token.isEmpty());
            }
            String path = resolved.path();
            Optional<MountEntry> mount = mounts.match(resolved.namespace(), path);
            String relative = mount.map(m -> relative(path, m.path())).orElse("");
            authorize(request.token(), token, operation, resolved, mount, relative);
            MountEntry entry = mount.orElseThrow(() -> new Refusal(renderer.error(404,
                    List.of("no handler for route \"" + path + "\". route entry not found."))));
            var backendRequest = new EmulatorRequest(operation, resolved.namespace(), path, entry.path(), relative,
                    request.query(), body, token, request.clientCertificates(), passedThrough(request, entry));
            return callBackend(entry, backendRequest);
        } catch (Refusal refusal) {
            return refusal.response();
        }
    }

    /** A sealed node answers 503; a standby answers 503 without an active node, else redirects to it (307). */
    private void refuseWhenSealedOrStandby(IncomingRequest request) {
        if (faults.isSealed()) {
            throw new Refusal(renderer.error(503, List.of("Vault is sealed")));
        }
        var standby = faults.standbyMode();
        if (standby.isPresent() && standby.get().kind() == StandbyMode.Kind.NO_ACTIVE) {
            throw new Refusal(renderer.error(503, List.of("no active Vault instance found")));
        }
        if (standby.isPresent() && standby.get().kind() == StandbyMode.Kind.REDIRECT) {
            String active = standby.get().active().toString().replaceAll("/+$", "");
            String query = request.rawQuery() == null ? "" : "?" + request.rawQuery();
            throw new Refusal(new RenderedResponse(307, "text/html; charset=utf-8", new byte[0],
                    Map.of("Location", active + request.rawPath() + query)));
        }
    }

    private void refuseNegativeWrapTtl(IncomingRequest request) {
        String wrapTtl = request.header("X-Vault-Wrap-TTL");
        if (wrapTtl != null && wrapTtl.trim().startsWith("-")) {
            throw new Refusal(renderer.error(400, List.of("requested wrap ttl cannot be negative")));
        }
    }

    /**
     * The token check of Vault's core: unauthenticated paths ignore a bad token (except
     * {@code sys/internal/ui/mounts}, whose handler looks the token up itself); elsewhere a missing, dead or
     * under-privileged token is refused with 403 before the mount is even known to exist.
     */
    private void authorize(String sent, Optional<TokenEntry> token, Operation operation, Namespaces.Resolved resolved,
                           Optional<MountEntry> mount, String relative) {
        String path = resolved.path();
        boolean unauthenticated = mount.isPresent() && mount.get().backend().isUnauthenticated(operation, relative);
        if (unauthenticated && sent != null && token.isEmpty() && path.startsWith("sys/internal/ui/mounts")) {
            throw denied(true);
        }
        if (unauthenticated) {
            return;
        }
        if (sent == null) {
            throw new Refusal(renderer.error(403, List.of(EmulatorResponse.multierror("permission denied"))));
        }
        if (token.isEmpty()) {
            throw denied(true);
        }
        String aclPath = resolved.namespace().substring(token.get().namespace().length()) + path;
        if (!policies.allows(token.get(), operation, aclPath)) {
            throw new Refusal(renderer.error(403, List.of(EmulatorResponse.multierror("permission denied"))));
        }
    }

    private RenderedResponse callBackend(MountEntry entry, EmulatorRequest request) {
        Backend backend = entry.backend();
        EmulatorResponse response;
        try {
            response = backend.handle(request);
        } catch (RuntimeException e) {
            LOG.warn("backend {} failed on {}", backend.type(), request.path(), e);
            response = EmulatorResponse.multiError(500, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return renderer.render(allowedHeadersOnly(response, entry), request.operation(), backend.type(),
                isSysMounts(request.path()));
    }

    /**
     * The request headers the mount's tune passes through ({@code passthrough_request_headers}), under their tuned
     * name; Vault hands a backend no other header.
     */
    private static Map<String, String> passedThrough(IncomingRequest request, MountEntry entry) {
        var out = new java.util.LinkedHashMap<String, String>();
        for (String name : entry.passthroughRequestHeaders()) {
            String value = request.header(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }

    /**
     * A PKI backend's own response headers (e.g. {@code Last-Modified} on a 304) reach the client only when the
     * mount's tune allows them ({@code allowed_response_headers},
     * https://developer.hashicorp.com/vault/api-docs/system/mounts#allowed_response_headers). Other backends' headers
     * are the emulator's own plumbing and pass unchanged.
     */
    private static EmulatorResponse allowedHeadersOnly(EmulatorResponse response, MountEntry entry) {
        if (!entry.backend().type().equals("pki") || response.headers().isEmpty()) {
            return response;
        }
        var kept = new java.util.LinkedHashMap<String, String>();
        response.headers().forEach((name, value) -> {
            if (entry.allowsResponseHeader(name)) {
                kept.put(name, value);
            }
        });
        return response.withHeaders(kept);
    }

    /** Vault adds "invalid token" as a second error; OpenBao says only "permission denied". */
    private Refusal denied(boolean invalidToken) {
        if (invalidToken && flavor == Flavor.VAULT) {
            return new Refusal(renderer.error(403,
                    List.of(EmulatorResponse.multierror("permission denied", "invalid token"))));
        }
        return new Refusal(renderer.error(403, List.of(EmulatorResponse.multierror("permission denied"))));
    }

    /** A live token usable in the request namespace (its own namespace or a child of it). */
    private Optional<TokenEntry> validToken(String value, String namespace) {
        return tokens.lookup(value).filter(t -> namespace.startsWith(t.namespace()));
    }

    /** {@code sys/mounts} is in Vault's list of routes whose {@code data} is copied to the top level. */
    private static boolean isSysMounts(String path) {
        return path.equals("sys/mounts") || path.startsWith("sys/mounts/");
    }

    /**
     * The LIST verb or GET with a Go-bool {@code list} (taken out of the query); an unparseable {@code list} is a
     * 400 with no errors, as in Vault's {@code buildLogicalRequestNoAuth}.
     */
    private Operation operation(String method, Map<String, String> query) {
        return switch (method) {
            case "GET" -> {
                String list = query.remove("list");
                if (list == null) {
                    yield Operation.READ;
                }
                if (GoText.goBool(list).isEmpty()) {
                    throw new Refusal(renderer.error(400, List.of()));
                }
                yield GoText.goBool(list).orElse(false) ? Operation.LIST : Operation.READ;
            }
            case "LIST" -> Operation.LIST;
            case "POST", "PUT" -> Operation.UPDATE;
            case "DELETE" -> Operation.DELETE;
            case "PATCH" -> Operation.PATCH;
            default -> Operation.HEAD;
        };
    }

    private static String relative(String path, String mountPath) {
        String withSlash = path + "/";
        return withSlash.length() <= mountPath.length() ? ""
                : IncomingRequest.stripSlashes(path.substring(mountPath.length()));
    }
}
