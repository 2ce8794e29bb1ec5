package io.vaultpki.exporter.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.vaultpki.exporter.access.ApiTokens;
import io.vaultpki.exporter.access.ClientCertificates;
import io.vaultpki.exporter.api.ApiJson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /}: the status page ({@link StatusPage}) for browsers; for a client that asks for JSON only, the root
 * document with the application's name, version and links, which the exporter answered here before the page existed
 * (a load balancer's default check, a user migrating from the Python exporter). Names no export, token or path on
 * disk. {@code exporter.ui.enabled=false} turns both off: 404.
 */
@Controller
public class RootController {

    static final String NAME = "vault-pki-exporter";

    private final String document;
    private final UiSettings settings;
    private final StatusPage page;

    public RootController(ApiTokens tokens, ClientCertificates certificates, UiSettings settings, StatusPage page) {
        this.settings = settings;
        this.page = page;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("metrics", "/metrics");
        links.put("health", "/health");
        links.put("liveness", "/health/liveness");
        links.put("readiness", "/health/readiness");
        if (!tokens.isEmpty() || !certificates.isEmpty()) {
            // the API answers 404 everywhere when no principal is configured, so only link it when it is on
            links.put("api", "/api/v1/certificates");
            links.put("issuers", "/api/v1/issuers");
            links.put("status", "/api/v1/status");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", NAME);
        body.put("version", version());
        body.put("links", links);
        this.document = ApiJson.write(body);
    }

    @Get
    // both, or the router answers a browser's Accept: text/html with 406 before this method can choose
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public HttpResponse<String> root(HttpRequest<?> request) {
        if (!settings.serves()) {
            return HttpResponse.notFound();
        }
        if (wantsJson(request.getHeaders().get(HttpHeaders.ACCEPT))) {
            return HttpResponse.ok(document).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return page.response();
    }

    /**
     * {@code /favicon.ico}: 204, so a browser's automatic request for an icon is not a 404 in its console (the page
     * has no icon and loads nothing).
     */
    @Get("/favicon.ico")
    public HttpResponse<Void> favicon() {
        if (!settings.serves()) {
            return HttpResponse.notFound();
        }
        return HttpResponse.<Void>noContent().header(HttpHeaders.CACHE_CONTROL, "max-age=86400");
    }

    /** JSON only when asked for it and not for HTML: a browser's Accept names text/html. */
    static boolean wantsJson(String accept) {
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    /** The jar manifest's version; {@code dev} when run from classes. */
    static String version() {
        String version = RootController.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
