package io.vaultpki.client.sys;

import java.util.List;
import java.util.Locale;

/**
 * A secrets engine mount (https://developer.hashicorp.com/vault/api-docs/system/mounts).
 *
 * @param path                      mount path with its trailing slash, possibly nested ({@code team/a/pki/})
 * @param type                      engine type, {@code pki} here
 * @param description               description, may be empty
 * @param accessor                  mount accessor, e.g. {@code pki_1a2b3c4d}; empty in reduced listings
 * @param passthroughRequestHeaders the mount's tune {@code passthrough_request_headers}: request headers Vault hands
 *                                  to the engine (https://developer.hashicorp.com/vault/api-docs/system/mounts#passthrough_request_headers);
 *                                  empty when none or when the listing does not show the mount's config
 */
public record SecretsMount(String path, String type, String description, String accessor,
                           List<String> passthroughRequestHeaders) {

    public SecretsMount {
        passthroughRequestHeaders = passthroughRequestHeaders == null ? List.of() : List.copyOf(passthroughRequestHeaders);
    }

    /** A mount whose config is not known (no passthrough headers). */
    public SecretsMount(String path, String type, String description, String accessor) {
        this(path, type, description, accessor, List.of());
    }

    /** Whether Vault hands {@code header} (any case) to the engine, e.g. {@code If-Modified-Since}. */
    public boolean passesThrough(String header) {
        String wanted = header.toLowerCase(Locale.ROOT);
        return passthroughRequestHeaders.stream().anyMatch(h -> h.strip().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
