package io.vaultpki.exporter.api;

import io.micronaut.http.HttpRequest;
import io.vaultpki.exporter.access.AccessDeniedException;
import io.vaultpki.exporter.access.ApiPrincipal;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the API keeps on a request while it is served: its ID, its start time, the authenticated principal and what
 * the audit line should name (event, export, file, serial). Request attributes, so filters, controllers and
 * exception handlers all see the same values.
 */
public final class ApiRequests {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String REQUEST_ID = "vaultpki.request-id";
    static final String STARTED = "vaultpki.started-nanos";
    static final String PRINCIPAL = "vaultpki.principal";
    static final String AUDIT = "vaultpki.audit";
    // a client's own ID is kept only if it cannot smuggle anything into logs and headers
    private static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

    private ApiRequests() {
    }

    /** Assigns the request's ID: the client's {@code X-Request-Id} when it is sane, a fresh UUID otherwise. */
    static String assignId(HttpRequest<?> request) {
        String given = request.getHeaders().get(REQUEST_ID_HEADER);
        String id = given != null && CLIENT_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(REQUEST_ID, id);
        return id;
    }

    public static String id(HttpRequest<?> request) {
        return request.getAttribute(REQUEST_ID, String.class).orElse(null);
    }

    public static void setPrincipal(HttpRequest<?> request, ApiPrincipal principal) {
        request.setAttribute(PRINCIPAL, principal);
    }

    public static Optional<ApiPrincipal> principal(HttpRequest<?> request) {
        return request.getAttribute(PRINCIPAL, ApiPrincipal.class);
    }

    /** The authenticated principal; the authentication filter guarantees one on every {@code /api/v1} route. */
    static ApiPrincipal requirePrincipal(HttpRequest<?> request) {
        return principal(request).orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }

    /** What the audit line of this request names so far. */
    static AuditNote note(HttpRequest<?> request) {
        return request.getAttribute(AUDIT, AuditNote.class).orElse(AuditNote.NONE);
    }

    static void note(HttpRequest<?> request, AuditNote note) {
        request.setAttribute(AUDIT, note);
    }

    /** The peer's address as text; never taken from a forwarded-for header, which any client can forge. */
    static String sourceIp(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    /**
     * The export, file and serial a request concerns, and the audit event it is (when not {@code api.request}).
     *
     * @param event  {@code cert.download}, {@code key.download}, or {@code null} for the default
     * @param export export name
     * @param file   file name
     * @param serial certificate serial
     */
    record AuditNote(String event, String export, String file, String serial) {

        static final AuditNote NONE = new AuditNote(null, null, null, null);

        AuditNote withExport(String value) {
            return new AuditNote(event, value, file, serial);
        }

        AuditNote download(String downloadEvent, String fileName, String serialNumber) {
            return new AuditNote(downloadEvent, export, fileName, serialNumber);
        }

        AuditNote withSerial(String value) {
            return new AuditNote(event, export, file, value);
        }
    }
}
