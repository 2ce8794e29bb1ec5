package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The PKI engine's conditional reads (Vault 1.12+): {@code sendNotModifiedResponseIfNecessary} and
 * {@code isIfModifiedSinceBeforeLastModified} in https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/util.go.
 * Only a request that carries {@code If-Modified-Since} (which reaches the engine only when the mount's tune passes
 * it through) is conditional; it gets {@code 304} with {@code Last-Modified} when the object's last change is
 * strictly before the header's time, and the object otherwise. CA reads compare with the issuer's own
 * {@code LastModified}, CRL reads with the mount-wide CRL {@code LastModified} (one 304 means no CRL of the mount
 * changed). A header that is not an RFC 1123 time is a 500, as Go's {@code time.Parse(time.RFC1123, …)} fails.
 */
final class IfModifiedSince {

    static final String HEADER = "If-Modified-Since";

    /** Go's {@code time.RFC1123}: {@code Mon, 02 Jan 2006 15:04:05 MST} (two-digit day, zone abbreviation). */
    private static final DateTimeFormatter RFC1123 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz",
            Locale.US);
    /** {@code http.TimeFormat}, as Vault writes {@code Last-Modified}. */
    private static final DateTimeFormatter HTTP_TIME = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(java.time.ZoneOffset.UTC);

    private IfModifiedSince() {
    }

    /**
     * The 304 answer when the request is conditional and {@code lastModified} is before its time; empty when the
     * object must be sent (no header, never modified, or modified since).
     *
     * @throws PkiError 500 when the header does not parse
     */
    static Optional<EmulatorResponse> notModified(EmulatorRequest request, Optional<Instant> lastModified) {
        String value = request.header(HEADER);
        if (value == null) {
            return Optional.empty();
        }
        Instant since = parse(value);
        if (lastModified.isEmpty() || !lastModified.get().isBefore(since)) {
            return Optional.empty();
        }
        return Optional.of(EmulatorResponse.notModified(Map.of("Last-Modified", HTTP_TIME.format(lastModified.get()))));
    }

    private static Instant parse(String value) {
        try {
            return ZonedDateTime.parse(value, RFC1123).toInstant();
        } catch (DateTimeParseException e) {
            throw PkiError.internal(500, "failed to parse given value for '" + HEADER + "' header: parsing time \""
                    + value + "\" as \"Mon, 02 Jan 2006 15:04:05 MST\"");
        }
    }
}
