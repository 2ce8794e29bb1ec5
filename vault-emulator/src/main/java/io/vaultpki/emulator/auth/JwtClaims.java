package io.vaultpki.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Base64;
import java.util.Optional;

/** Reads the (unverified) claims of a compact JWT, to derive login metadata from test tokens. */
final class JwtClaims {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JwtClaims() {
    }

    static Optional<JsonNode> of(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1])));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static String text(Optional<JsonNode> claims, String... path) {
        JsonNode node = claims.orElse(null);
        for (String p : path) {
            if (node == null) {
                return null;
            }
            node = node.get(p);
        }
        return node == null || node.isNull() ? null : node.asText();
    }
}
