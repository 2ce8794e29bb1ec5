package io.vaultpki.client.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A successful answer: 2xx, or {@code 304 Not Modified} to a conditional request
 * ({@link VaultRequest#ifModifiedSince}). Status, headers (lower-case names) and the raw body.
 */
public record VaultHttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public String bodyAsString() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return body == null || body.length == 0;
    }

    /** {@code 304}: the object did not change since the request's {@code If-Modified-Since}; there is no body. */
    public boolean notModified() {
        return status == 304;
    }

    public String header(String name) {
        var v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * The server's {@code Date} header: when the server produced this answer, by its own clock (Go's HTTP server
     * sends it on every response). The right {@code If-Modified-Since} for the next conditional read of the same
     * object, since it cannot be skewed by the client's clock. Empty when absent or not an HTTP-date.
     */
    public Optional<Instant> date() {
        return httpDate(header("Date"));
    }

    /** The {@code Last-Modified} header as an instant; empty when absent or not an HTTP-date. */
    public Optional<Instant> lastModified() {
        return httpDate(header("Last-Modified"));
    }

    /** Parses an RFC 9110 HTTP-date in its preferred (RFC 1123) form; anything else is empty, never an error. */
    static Optional<Instant> httpDate(String value) {
        if (value == null || value.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
