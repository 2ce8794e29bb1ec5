package io.vaultpki.exporter.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.vaultpki.exporter.access.AccessDeniedException;
import io.vaultpki.exporter.access.ApiPrincipal;
import io.vaultpki.exporter.audit.AuditTail;
import io.vaultpki.exporter.export.ExportNotFoundException;
import io.vaultpki.exporter.export.ExportService;

import java.util.Map;

/**
 * {@code GET /api/v1/certificates/{name}/audit?limit=}: the newest audit events of one export, for the status page.
 * Read scope (the authentication filter), the token's export allow-list and an existing export, like reading the
 * export itself.
 */
@Controller(CertificatesController.BASE)
public class ExportAuditController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ExportService exports;
    private final AuditTail audit;

    public ExportAuditController(ExportService exports, AuditTail audit) {
        this.exports = exports;
        this.audit = audit;
    }

    @Get("/{name}/audit")
    public HttpResponse<String> recent(HttpRequest<?> request, @PathVariable String name,
                                       @Nullable @QueryValue String limit) {
        ApiPrincipal principal = ApiRequests.requirePrincipal(request);
        CertificatesController.checkName(request, name);
        int max = limit(limit);
        if (!principal.mayAccess(name)) {
            throw new AccessDeniedException("export '" + name + "' is outside the exports of token '" + principal.name() + "'");
        }
        exports.get(name).orElseThrow(() -> new ExportNotFoundException(name));
        return HttpResponse.ok(ApiJson.write(Map.of("events", audit.recent(name, max))))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** 1 to {@link #MAX_LIMIT}, default {@link #DEFAULT_LIMIT}; anything else is a 400. */
    static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (text.length() <= 3 && text.chars().allMatch(Character::isDigit)) {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        }
        throw new BadRequestException("limit", "must be a number from 1 to " + MAX_LIMIT);
    }
}
