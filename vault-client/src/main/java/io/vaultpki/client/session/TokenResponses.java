package io.vaultpki.client.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaultpki.client.http.VaultHttpResponse;
import io.vaultpki.client.http.VaultResponseFormatException;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads lookup-self and renew-self answers. Never echoes the body: lookup-self's {@code data.id} is the token. */
final class TokenResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** TTL and renewability returned by {@code renew-self}. */
    record Renewal(Duration ttl, boolean renewable) {
    }

    private TokenResponses() {
    }

    static TokenInfo lookup(VaultHttpResponse response) {
        JsonNode data = tree(response, "auth/token/lookup-self").path("data");
        if (!data.isObject()) {
            throw format("auth/token/lookup-self", "the response has no data section");
        }
        List<String> policies = new ArrayList<>();
        data.path("policies").forEach(p -> policies.add(p.asText()));
        return new TokenInfo(data.path("accessor").asText(""), policies,
                Duration.ofSeconds(Math.max(0, data.path("ttl").asLong(0))), expireTime(data.path("expire_time")),
                data.path("renewable").asBoolean(false), data.path("path").asText(""),
                data.path("type").asText("service"), data.path("display_name").asText(""));
    }

    static Renewal renewal(VaultHttpResponse response) {
        JsonNode auth = tree(response, "auth/token/renew-self").path("auth");
        if (!auth.isObject()) {
            throw format("auth/token/renew-self", "the response has no auth section");
        }
        return new Renewal(Duration.ofSeconds(Math.max(0, auth.path("lease_duration").asLong(0))),
                auth.path("renewable").asBoolean(false));
    }

    // Vault writes the server's local offset (e.g. -04:00), not always Z
    // (docs/vault-compatibility.md#client-tokens-and-logins)
    private static OffsetDateTime expireTime(JsonNode node) {
        if (node.isNull() || node.isMissingNode() || node.asText("").isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode tree(VaultHttpResponse response, String path) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw format(path, "the response is not JSON");
        }
    }

    private static VaultResponseFormatException format(String path, String reason) {
        return new VaultResponseFormatException(path, reason);
    }
}
