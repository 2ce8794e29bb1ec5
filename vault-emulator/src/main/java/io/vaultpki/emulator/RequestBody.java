package io.vaultpki.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.go.GoJson;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.spi.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads the body of a logical request the way Vault's {@code buildLogicalRequestNoAuth} does
 * (https://github.com/openbao/openbao/blob/main/internal/http/logical.go): at most {@code max_request_size} bytes
 * (413), {@code PATCH} only as a JSON merge patch (415), a form only when the content type says so and the body
 * does not look like JSON, otherwise a JSON object (400 with Vault's or OpenBao's parse message).
 */
final class RequestBody {

    /** Vault's default {@code max_request_size}, 32 MiB (https://developer.hashicorp.com/vault/api-docs#limits). */
    static final int MAX_REQUEST_SIZE = 32 * 1024 * 1024;

    private final Flavor flavor;
    private final ResponseRenderer renderer;

    RequestBody(Flavor flavor, ResponseRenderer renderer) {
        this.flavor = flavor;
        this.renderer = renderer;
    }

    /** The request data; an empty object when there is no body or the operation takes none. */
    ObjectNode parse(IncomingRequest request, Operation operation) throws IOException {
        byte[] bytes = read(request.body());
        if (bytes == null) {
            throw new Refusal(renderer.error(413, List.of("http: request body too large")));
        }
        String contentType = Optional.ofNullable(request.header("Content-Type")).orElse("");
        if (operation == Operation.PATCH && !contentType.startsWith("application/merge-patch+json")) {
            throw new Refusal(renderer.error(415,
                    List.of("PATCH requires Content-Type of application/merge-patch+json")));
        }
        ObjectNode body = GoJson.object();
        if (bytes.length > 0 && operation == Operation.UPDATE && isForm(contentType, bytes)) {
            IncomingRequest.query(new String(bytes, StandardCharsets.UTF_8)).forEach(body::put);
        } else if (bytes.length > 0 && (operation == Operation.UPDATE || operation == Operation.PATCH)) {
            body = json(bytes);
        }
        return body;
    }

    private ObjectNode json(byte[] bytes) {
        try {
            JsonNode parsed = GoJson.parse(bytes);
            if (parsed != null && parsed.isObject()) {
                return (ObjectNode) parsed;
            } else if (parsed != null && !parsed.isNull()) {
                throw new IOException("json: cannot unmarshal " + parsed.getNodeType().name().toLowerCase()
                        + " into Go value of type map[string]interface {}");
            }
            return GoJson.object();
        } catch (IOException e) {
            // Vault's parseJSONRequest and OpenBao's json.go word the same failure differently
            String verb = flavor == Flavor.VAULT ? "failed to parse JSON input: " : "failed to decode JSON input: ";
            throw new Refusal(renderer.error(400, List.of(verb + firstLine(e.getMessage()))));
        }
    }

    /** A form body is parsed as such only when it does not look like JSON (Vault's {@code isForm}). */
    private static boolean isForm(String contentType, byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading();
        return contentType.startsWith("application/x-www-form-urlencoded")
                && !start.startsWith("{") && !start.startsWith("[");
    }

    /** The body, or null when it exceeds {@link #MAX_REQUEST_SIZE}. */
    private static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_REQUEST_SIZE + 1);
        return bytes.length > MAX_REQUEST_SIZE ? null : bytes;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
