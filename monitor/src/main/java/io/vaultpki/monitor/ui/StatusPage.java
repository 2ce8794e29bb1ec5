package io.vaultpki.monitor.ui;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.vaultpki.monitor.metrics.ExpiryThresholds;
import io.vaultpki.monitor.metrics.LeafSeriesConfiguration;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import io.vaultpki.monitor.status.StatusReport;
import io.vaultpki.monitor.status.StatusReporter;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /}: the status page (HTML) of the current snapshot. Reads memory only, never Vault, like
 * {@code /metrics}. It is an ordinary route, so with HTTPS on it is served on the HTTPS port with the same client
 * authentication as {@code /metrics}, and the probes-only plain HTTP port answers 404 for it
 * ({@link io.vaultpki.support.https.ProbesOnlyOverPlainHttp}). {@code monitor.ui.enabled=false} makes it 404.
 * The page is never cached: it is a live view.
 */
@Controller
public class StatusPage {

    private final SnapshotHolder snapshots;
    private final StatusReporter reporter;
    private final ExpiryThresholds thresholds;
    private final LeafSeriesConfiguration series;
    private final UiConfiguration ui;
    private final Clock clock = Clock.systemUTC();

    public StatusPage(SnapshotHolder snapshots, ExpiryThresholds thresholds, HealthCheckConfig healthChecks,
                      LeafSeriesConfiguration series, UiConfiguration ui) {
        this.snapshots = snapshots;
        this.thresholds = thresholds;
        this.series = series;
        this.ui = ui;
        this.reporter = new StatusReporter(snapshots, thresholds, healthChecks, clock);
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> index() {
        if (!ui.on()) {
            return HttpResponse.notFound();
        }
        PkiSnapshot snapshot = snapshots.current();
        StatusReport report = reporter.report(snapshot, Optional.empty());
        Instant now = Instant.parse(report.generatedAt());
        return HttpResponse.ok(PageRenderer.render(snapshot, report, thresholds, series, now, ui.docsUrl()))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                // inline style and the page's own script only (by its hash), nothing loaded from anywhere else
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "script-src " + PageRenderer.SCRIPT_SOURCE + "; img-src 'self' data:; connect-src 'self'; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    }
}
