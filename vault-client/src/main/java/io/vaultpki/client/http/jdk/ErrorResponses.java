package io.vaultpki.client.http.jdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaultpki.client.http.VaultRequest;
import io.vaultpki.client.http.VaultResponseException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a non-2xx answer into the typed {@link VaultResponseException}: Vault's {@code errors} array
 * (https://developer.hashicorp.com/vault/api-docs#error-response) and a {@code Retry-After} in seconds.
 */
final class ErrorResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorResponses() {
    }

    static VaultResponseException toException(VaultRequest request, URI current, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        List<String> errors = new ArrayList<>();
        if (status == 307) {
            errors.add("redirect not followed: " + StandbyRedirects.describe(current, response));
        } else {
            errors.addAll(errorStrings(response.body()));
        }
        long retryAfter = response.headers().firstValue("retry-after").map(ErrorResponses::seconds).orElse(-1L);
        return VaultResponseException.of(request.displayMethod(), request.path(), status, errors, retryAfter);
    }

    /** Vault's {@code errors} array; empty for an empty, non-JSON or differently shaped body. */
    static List<String> errorStrings(byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            List<String> out = new ArrayList<>();
            if (errors.isArray()) {
                errors.forEach(e -> out.add(e.asText()));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(0, Long.parseLong(retryAfter.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
