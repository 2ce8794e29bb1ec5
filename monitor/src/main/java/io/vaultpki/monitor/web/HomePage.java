package io.vaultpki.monitor.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/**
 * {@code GET /}: a tiny page naming the app and linking its endpoints, where the Python exporter answered 200 too
 * (monitoring that probes {@code /} keeps working). Static text only: no Vault address, no data, no secret. It is
 * an ordinary route, so with HTTPS on it is served on the HTTPS port with the same client authentication as
 * {@code /metrics}, and the probes-only plain HTTP port answers 404 for it
 * ({@link io.vaultpki.support.https.ProbesOnlyOverPlainHttp}). Links are relative, so they also work behind a
 * reverse proxy that serves the monitor under a path prefix.
 */
@Controller
public class HomePage {

    static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>vault-pki-monitor</title></head>
            <body>
            <h1>vault-pki-monitor</h1>
            <p>Monitors the PKI secrets engines of HashiCorp Vault: issuers, CRLs and leaf certificates.</p>
            <ul>
            <li><a href="metrics">/metrics</a>: Prometheus metrics</li>
            <li><a href="status">/status</a>: OK or NOK, as the Python vault-prometheus-exporter answered</li>
            <li><a href="api/v1/status">/api/v1/status</a>: engines and issuers graded against the expiry thresholds (JSON)</li>
            <li><a href="health">/health</a>: liveness and readiness</li>
            </ul>
            </body>
            </html>
            """;

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> index() {
        return HttpResponse.ok(HTML);
    }
}
