package io.vaultpki.emulator.pki;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Flavor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Vault's LIST semantics for PKI: 404 {@code {"errors":[]}} when empty, the "ignored parameters" warning (which
 * turns an empty list into 200 {@code data: {}}; docs/vault-compatibility.md#emulator-reads-and-lists-that-find-nothing), and
 * OpenBao's {@code after}/{@code limit} paging.
 */
final class Listing {

    private static final Set<String> OPENBAO_PARAMS = Set.of("after", "limit");

    private Listing() {
    }

    /** @param keyInfo per-key info or {@code null}; filtered to the returned page */
    static EmulatorResponse respond(EmulatorRequest request, Flavor flavor, List<String> keys, ObjectNode keyInfo) {
        var ignored = new TreeSet<String>();
        request.query().keySet().stream().filter(k -> flavor != Flavor.OPENBAO || !OPENBAO_PARAMS.contains(k)).forEach(ignored::add);
        if (request.body() != null) {
            request.body().fieldNames().forEachRemaining(k -> {
                if (flavor != Flavor.OPENBAO || !OPENBAO_PARAMS.contains(k)) {
                    ignored.add(k);
                }
            });
        }
        List<String> page = flavor == Flavor.OPENBAO ? page(request, keys) : keys;
        List<String> warnings = ignored.isEmpty() ? List.of()
                : List.of("Endpoint ignored these unrecognized parameters: [" + String.join(" ", ignored) + "]");
        if (page.isEmpty()) {
            return warnings.isEmpty() ? EmulatorResponse.notFound() : EmulatorResponse.ok(PkiJson.object(), warnings);
        }
        ObjectNode data = PkiJson.object();
        data.set("keys", PkiJson.array(page));
        if (keyInfo != null) {
            ObjectNode info = data.putObject("key_info");
            page.forEach(k -> info.set(k, keyInfo.get(k)));
        }
        return EmulatorResponse.ok(data, warnings);
    }

    private static List<String> page(EmulatorRequest request, List<String> keys) {
        String after = request.param("after");
        String limitText = request.param("limit");
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        if (after != null && !after.isEmpty()) {
            sorted.removeIf(k -> k.compareTo(after) <= 0);
        }
        if (limitText != null && !limitText.isEmpty()) {
            int limit;
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("error converting input " + limitText + " for field \"limit\"");
            }
            if (limit > 0 && sorted.size() > limit) {
                return sorted.subList(0, limit);
            }
        }
        return sorted;
    }
}
