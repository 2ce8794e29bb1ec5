package io.vaultpki.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.vaultpki.emulator.go.GoJson;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.spi.Operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Turns an {@link EmulatorResponse} into Vault's wire format: the envelope, the top-level copy of {@code data} on
 * {@code sys/mounts}, the error envelope and the read/list 404 rules (docs/vault-compatibility.md#emulator-envelope-and-json,
 * #emulator-errors-and-status-codes, #emulator-reads-and-lists-that-find-nothing).
 */
final class ResponseRenderer {

    private static final byte[] EMPTY = new byte[0];

    private final Flavor flavor;

    ResponseRenderer(Flavor flavor) {
        this.flavor = flavor;
    }

    /**
     * @param mountType   backend type reported as {@code mount_type} (Vault flavor only), null for none
     * @param injectData  whether the route is in the sys injector list ({@code sys/mounts})
     */
    RenderedResponse render(EmulatorResponse response, Operation operation, String mountType, boolean injectData) {
        var headers = response.headers();
        return switch (response.kind()) {
            case ERROR -> error(response.status(), response.errors()).withHeaders(headers);
            case NO_CONTENT -> new RenderedResponse(204, "application/json", EMPTY, headers);
            case RAW -> new RenderedResponse(response.status() == 304 ? 304
                    : response.rawBody() == null || response.rawBody().length == 0 ? 204
                    : response.status(), response.contentType(),
                    response.rawBody() == null ? EMPTY : response.rawBody(), headers);
            case BARE_JSON -> new RenderedResponse(response.status(), "application/json",
                    response.rawBody() != null ? response.rawBody() : GoJson.encode(response.data()), headers);
            case LOGICAL -> logical(response, operation, mountType, injectData);
        };
    }

    RenderedResponse error(int status, List<String> errors) {
        var body = GoJson.object();
        body.set("errors", GoJson.array(errors));
        return new RenderedResponse(status, "application/json", GoJson.encode(body), java.util.Map.of());
    }

    private RenderedResponse logical(EmulatorResponse r, Operation operation, String mountType, boolean injectData) {
        if (r.status() == 200 && isNotFound(r, operation)) {
            return error(404, List.of()).withHeaders(r.headers());
        }
        var envelope = GoJson.object();
        JsonNode data = GoJson.sortedKeys(r.data());
        if (injectData && data != null && data.isObject()) {
            var names = new ArrayList<String>();
            data.fieldNames().forEachRemaining(names::add);
            // Go's HTTPSysInjector iterates a map: the top-level copy comes in random order (docs/vault-compatibility.md#emulator-envelope-and-json)
            Collections.shuffle(names);
            names.forEach(name -> envelope.set(name, data.get(name)));
        }
        envelope.put("request_id", UUID.randomUUID().toString());
        envelope.put("lease_id", r.leaseId());
        envelope.put("renewable", r.renewable());
        envelope.put("lease_duration", r.leaseDuration());
        envelope.set("data", data == null ? NullNode.getInstance() : data);
        envelope.set("wrap_info", NullNode.getInstance());
        envelope.set("warnings", r.warnings().isEmpty() ? NullNode.getInstance() : GoJson.array(r.warnings()));
        envelope.set("auth", r.auth() == null ? NullNode.getInstance() : r.auth());
        if (flavor == Flavor.VAULT && mountType != null) {
            envelope.put("mount_type", mountType);
        }
        return new RenderedResponse(r.status(), "application/json", GoJson.encode(envelope), r.headers());
    }

    /**
     * A read with nothing, or a list without keys (and no warnings), is a 404 with no errors
     * (docs/vault-compatibility.md#emulator-reads-and-lists-that-find-nothing).
     */
    private static boolean isNotFound(EmulatorResponse r, Operation operation) {
        if (r.auth() != null || !r.warnings().isEmpty()) {
            return false;
        }
        if (operation == Operation.READ) {
            return r.data() == null || r.data().isNull();
        }
        if (operation == Operation.LIST) {
            JsonNode keys = r.data() == null ? null : r.data().get("keys");
            return keys == null || keys.isNull() || keys.isEmpty();
        }
        return false;
    }
}
