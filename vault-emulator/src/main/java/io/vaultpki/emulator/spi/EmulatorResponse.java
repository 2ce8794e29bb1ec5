package io.vaultpki.emulator.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * What a backend answers; the server renders it with Vault's exact envelope
 * (docs/vault-compatibility.md#emulator-envelope-and-json).
 * Use the factory methods; the canonical constructor is for the server.
 *
 * @param status       HTTP status
 * @param kind         how to render the body
 * @param data         {@code data} of the envelope (may be null) for {@link Kind#LOGICAL}
 * @param auth         {@code auth} of the envelope for logins and renew-self, else null
 * @param warnings     envelope warnings, empty for none (rendered as {@code null})
 * @param errors       error strings for {@link Kind#ERROR}
 * @param contentType  content type for {@link Kind#RAW}
 * @param rawBody      body for {@link Kind#RAW} and {@link Kind#BARE_JSON} (already serialised)
 * @param leaseId      top-level {@code lease_id} ({@code ""} for none)
 * @param leaseDuration top-level {@code lease_duration} in seconds
 * @param renewable    top-level {@code renewable}
 * @param headers      extra response headers (e.g. {@code Retry-After}, {@code Location})
 */
public record EmulatorResponse(
        int status,
        Kind kind,
        JsonNode data,
        ObjectNode auth,
        List<String> warnings,
        List<String> errors,
        String contentType,
        byte[] rawBody,
        String leaseId,
        long leaseDuration,
        boolean renewable,
        Map<String, String> headers) {

    /** How the server renders a response. */
    public enum Kind {
        /** Standard envelope with request_id, lease_id, renewable, lease_duration, data, wrap_info, warnings, auth. */
        LOGICAL,
        /** {@code {"errors":[...]}} */
        ERROR,
        /** Backend-chosen content type and bytes (PKI PEM/DER); 204 when the body is empty. */
        RAW,
        /** Un-enveloped JSON (sys/health, sys/seal-status, sys/leader). */
        BARE_JSON,
        /** 204 with {@code Content-Type: application/json} and no body. */
        NO_CONTENT
    }

    public static EmulatorResponse ok(JsonNode data) {
        return new EmulatorResponse(200, Kind.LOGICAL, data, null, List.of(), List.of(), null, null, "", 0, false, Map.of());
    }

    public static EmulatorResponse ok(JsonNode data, List<String> warnings) {
        return new EmulatorResponse(200, Kind.LOGICAL, data, null, List.copyOf(warnings), List.of(), null, null, "", 0, false, Map.of());
    }

    /** A response carrying a lease (issue with {@code generate_lease=true}). */
    public static EmulatorResponse leased(JsonNode data, List<String> warnings, String leaseId, long leaseDuration) {
        return new EmulatorResponse(200, Kind.LOGICAL, data, null, List.copyOf(warnings), List.of(), null, null, leaseId, leaseDuration, false, Map.of());
    }

    /** Login or renew-self: {@code data: null}, {@code auth} set. */
    public static EmulatorResponse auth(ObjectNode auth, List<String> warnings) {
        return new EmulatorResponse(200, Kind.LOGICAL, null, auth, List.copyOf(warnings), List.of(), null, null, "", 0, false, Map.of());
    }

    public static EmulatorResponse noContent() {
        return new EmulatorResponse(204, Kind.NO_CONTENT, null, null, List.of(), List.of(), null, null, "", 0, false, Map.of());
    }

    /** Raw PEM/DER body; an empty body is rendered as 204 like Vault's raw paths. */
    public static EmulatorResponse raw(String contentType, byte[] body) {
        int status = body == null || body.length == 0 ? 204 : 200;
        return new EmulatorResponse(status, Kind.RAW, null, null, List.of(), List.of(), contentType, body, "", 0, false, Map.of());
    }

    public static EmulatorResponse bareJson(int status, JsonNode body) {
        return new EmulatorResponse(status, Kind.BARE_JSON, body, null, List.of(), List.of(), "application/json", null, "", 0, false, Map.of());
    }

    /** Plain error message(s), as a backend's {@code logical.ErrorResponse} renders them. */
    public static EmulatorResponse error(int status, String... errors) {
        return new EmulatorResponse(status, Kind.ERROR, null, null, List.of(), List.of(errors), null, null, "", 0, false, Map.of());
    }

    /** Go-error style: {@code "1 error occurred:\n\t* msg\n\n"} (docs/vault-compatibility.md#emulator-errors-and-status-codes). */
    public static EmulatorResponse multiError(int status, String... errors) {
        return error(status, multierror(errors));
    }

    /** 404 {@code {"errors":[]}}: a missing object or an empty list (docs/vault-compatibility.md#emulator-errors-and-status-codes). */
    public static EmulatorResponse notFound() {
        return error(404);
    }

    /** Formats messages the way go-multierror does. */
    public static String multierror(String... errors) {
        var sb = new StringBuilder();
        sb.append(errors.length).append(errors.length == 1 ? " error occurred:\n" : " errors occurred:\n");
        for (String e : errors) {
            sb.append("\t* ").append(e).append('\n');
        }
        return sb.append('\n').toString();
    }

    /**
     * {@code 304 Not Modified} without a body, with the backend's headers (e.g. {@code Last-Modified}), as the PKI
     * engine answers a conditional CA or CRL read (Vault's {@code sendNotModifiedResponseIfNecessary}).
     */
    public static EmulatorResponse notModified(Map<String, String> headers) {
        return new EmulatorResponse(304, Kind.RAW, null, null, List.of(), List.of(), null, new byte[0], "", 0, false,
                Map.copyOf(headers));
    }

    /** The same response with exactly these headers. */
    public EmulatorResponse withHeaders(Map<String, String> replaced) {
        return new EmulatorResponse(status, kind, data, auth, warnings, errors, contentType, rawBody, leaseId,
                leaseDuration, renewable, Map.copyOf(replaced));
    }

    public EmulatorResponse withHeader(String name, String value) {
        var h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new EmulatorResponse(status, kind, data, auth, warnings, errors, contentType, rawBody, leaseId, leaseDuration, renewable, Map.copyOf(h));
    }
}
