package io.vaultpki.emulator;

import java.util.Map;

/** Status, headers and bytes ready to be written to the HTTP exchange. */
record RenderedResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    RenderedResponse withHeaders(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        var merged = new java.util.LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new RenderedResponse(status, contentType, body, Map.copyOf(merged));
    }

    RenderedResponse withBody(int newStatus, byte[] newBody) {
        return new RenderedResponse(newStatus, "application/json", newBody, headers);
    }
}
