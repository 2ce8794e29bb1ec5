package io.vaultpki.emulator.token;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.TokenEntry;

import java.time.Instant;
import java.util.List;

/**
 * Builds the {@code auth} block of logins and renew-self, in Go's field order
 * (docs/vault-compatibility.md#emulator-tokens-and-logins).
 */
public final class AuthResponses {

    private AuthResponses() {
    }

    /** The {@code auth} object for a token, reporting its TTL as seen at {@code now}. */
    public static ObjectNode authBlock(TokenEntry token, Instant now) {
        var f = JsonNodeFactory.instance;
        var auth = f.objectNode();
        auth.put("client_token", token.id());
        auth.put("accessor", token.accessor());
        var policies = f.arrayNode();
        token.policies().forEach(policies::add);
        auth.set("policies", policies);
        auth.set("token_policies", policies.deepCopy());
        if (token.meta() == null) {
            auth.set("metadata", NullNode.getInstance());
        } else {
            var meta = f.objectNode();
            token.meta().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> meta.put(e.getKey(), e.getValue()));
            auth.set("metadata", meta);
        }
        long ttl = token.expireTime() == null ? 0 : Math.max(0, token.expireTime().getEpochSecond() - now.getEpochSecond());
        auth.put("lease_duration", ttl);
        auth.put("renewable", token.renewable());
        auth.put("entity_id", token.entityId());
        auth.put("token_type", token.type());
        auth.put("orphan", token.orphan());
        auth.set("mfa_requirement", NullNode.getInstance());
        auth.put("num_uses", 0);
        return auth;
    }

    /** A successful login: {@code data: null} and the auth block. */
    public static EmulatorResponse login(TokenEntry token, Instant now) {
        return EmulatorResponse.auth(authBlock(token, now), List.of());
    }
}
