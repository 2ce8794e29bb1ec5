package io.vaultpki.exporter.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.vaultpki.exporter.access.ApiTokens;
import io.vaultpki.exporter.access.ClientCertificates;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /}: 200 with the application's name, version and where to go next, so a browser, a load balancer's
 * default check or a user migrating from the Python exporter (which answered 200 here) does not meet a 404. Names
 * no export, token or path on disk; a fuller status page is another issue's.
 */
@Controller
public class RootController {

    static final String NAME = "vault-pki-exporter";

    private final Map<String, Object> document;

    public RootController(ApiTokens tokens, ClientCertificates certificates) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("metrics", "/metrics");
        links.put("health", "/health");
        links.put("liveness", "/health/liveness");
        links.put("readiness", "/health/readiness");
        if (!tokens.isEmpty() || !certificates.isEmpty()) {
            // the API answers 404 everywhere when no principal is configured, so only link it when it is on
            links.put("api", "/api/v1/certificates");
            links.put("issuers", "/api/v1/issuers");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", NAME);
        body.put("version", version());
        body.put("links", links);
        this.document = java.util.Collections.unmodifiableMap(body);
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> root() {
        return HttpResponse.ok(document);
    }

    /** The jar manifest's version; {@code dev} when run from classes. */
    static String version() {
        String version = RootController.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
