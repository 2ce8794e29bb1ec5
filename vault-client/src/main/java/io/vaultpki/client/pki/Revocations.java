package io.vaultpki.client.pki;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.client.cert.SerialNumbers;
import io.vaultpki.client.http.JsonResponses;
import io.vaultpki.client.http.VaultExecutor;
import io.vaultpki.client.http.VaultHttpResponse;
import io.vaultpki.client.http.VaultRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST :mount/revoke} by serial, and how its three "done" answers read. */
final class Revocations {

    private Revocations() {
    }

    static RevocationResult revoke(VaultExecutor executor, String path, String serial) {
        if (serial == null || serial.isBlank()) {
            throw new IllegalArgumentException("serial must not be empty");
        }
        VaultRequest req = VaultRequest.post(path, Map.of("serial_number", SerialNumbers.normalize(serial)));
        VaultHttpResponse response = executor.execute(req);
        if (response.isEmpty()) {
            // older Vault answered an expired certificate with 204 (hashicorp/vault#6754)
            return new RevocationResult(Optional.empty(), List.of());
        }
        JsonNode body = JsonResponses.body(req, response);
        JsonNode data = body.path("data");
        return new RevocationResult(data.isObject() ? time(data) : Optional.empty(), JsonResponses.warnings(body));
    }

    private static Optional<Instant> time(JsonNode data) {
        String rfc3339 = data.path("revocation_time_rfc3339").asText("");
        if (!rfc3339.isEmpty()) {
            try {
                return Optional.of(Instant.parse(rfc3339));
            } catch (RuntimeException e) {
                // fall back to the epoch seconds every version sends
            }
        }
        long seconds = data.path("revocation_time").asLong(0);
        return seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
    }
}
