package io.vaultpki.monitor.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.vaultpki.monitor.metrics.ExpiryThresholds;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.refresh.SnapshotHolder;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/status} (JSON, see {@code docs/status-api.md}) and the Python exporter's {@code GET /status}
 * ({@code OK} 200 / {@code NOK} 500). Both answer from the current snapshot; neither calls Vault.
 */
@Controller
public class StatusController {

    private final StatusReporter reporter;

    public StatusController(SnapshotHolder snapshots, ExpiryThresholds thresholds, HealthCheckConfig healthChecks) {
        this.reporter = new StatusReporter(snapshots, thresholds, healthChecks, Clock.systemUTC());
    }

    @Get("/api/v1/status")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> status(@Nullable @QueryValue String state) {
        if (state == null || state.isBlank()) {
            return HttpResponse.ok(reporter.report(Optional.empty()));
        }
        return Severity.fromLabel(state)
                .<HttpResponse<?>>map(severity -> HttpResponse.ok(reporter.report(Optional.of(severity))))
                .orElseGet(() -> HttpResponse.badRequest(Map.of("errors",
                        java.util.List.of("state must be one of ok, warning, critical, error"))));
    }

    @Get("/status")
    @Produces(MediaType.TEXT_PLAIN)
    public HttpResponse<String> legacyStatus() {
        return reporter.healthy()
                ? HttpResponse.ok("OK")
                : HttpResponse.<String>status(HttpStatus.INTERNAL_SERVER_ERROR).body("NOK");
    }
}
