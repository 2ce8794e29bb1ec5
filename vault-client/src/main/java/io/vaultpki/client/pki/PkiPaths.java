package io.vaultpki.client.pki;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.client.http.JsonResponses;
import io.vaultpki.client.http.VaultExecutor;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.http.VaultPaths;
import io.vaultpki.client.http.VaultRequest;

import java.util.List;
import java.util.Optional;

/** Paths under a PKI mount, and the one check every caller-given name or reference passes. */
final class PkiPaths {

    private PkiPaths() {
    }

    static String join(String mount, String... parts) {
        String[] all = new String[parts.length + 1];
        all[0] = mount;
        System.arraycopy(parts, 0, all, 1, parts.length);
        return VaultPaths.join(all);
    }

    /** The {@code data} of the answer; empty on Vault's empty 404 (nothing there), other errors thrown. */
    static Optional<JsonNode> dataOrEmpty(VaultExecutor executor, VaultRequest req) {
        try {
            return Optional.of(JsonResponses.data(req, executor.execute(req)));
        } catch (VaultNotFoundException e) {
            if (e.isEmpty()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The {@code data.keys} of {@code LIST path}; empty on Vault's empty 404. */
    static List<String> listKeys(VaultExecutor executor, String path) {
        VaultRequest req = VaultRequest.list(path);
        try {
            return JsonResponses.dataKeys(req, executor.execute(req));
        } catch (VaultNotFoundException e) {
            if (e.isEmpty()) {
                return List.of();
            }
            throw e;
        }
    }

    /**
     * One path segment: never empty, never containing {@code /}, never {@code .} or {@code ..}, which an HTTP stack
     * or Vault's router would resolve into another path of the mount.
     */
    static String requireRef(String ref) {
        if (ref == null || ref.isBlank() || ref.contains("/") || ref.equals(".") || ref.equals("..")) {
            throw new IllegalArgumentException("not a valid name or reference: '" + ref + "'");
        }
        return ref;
    }
}
