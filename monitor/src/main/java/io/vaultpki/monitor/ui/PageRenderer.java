package io.vaultpki.monitor.ui;

import io.vaultpki.monitor.metrics.ExpiryThresholds;
import io.vaultpki.monitor.metrics.LeafSeriesConfiguration;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.status.StatusReport;
import io.vaultpki.support.web.InlineSources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Assembles the page from its sections, with the inline stylesheet and script (no external request). */
final class PageRenderer {

    private static final String CSS = resource("page.css");
    private static final String SCRIPT = resource("page.js");
    /**
     * The inline script's CSP source ({@code 'sha256-…'} of exactly what stands between its tags): the page's policy
     * allows that script and no other, so an escaping mistake could not run injected script.
     */
    static final String SCRIPT_SOURCE = InlineSources.sha256("\n" + SCRIPT);

    private PageRenderer() {
    }

    static String render(PkiSnapshot snapshot, StatusReport report, ExpiryThresholds thresholds,
                         LeafSeriesConfiguration series, Instant now, String docsUrl) {
        List<IssuerRow> rows = IssuerRow.of(snapshot, report);
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n") // no /favicon.ico request (a 404 in the console)
                .append("<title>vault-pki-monitor: ").append(Html.text(report.state())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<a class=\"sr-only\" href=\"#issuers\">Skip to issuers</a>\n")
                .append("<div id=\"content-head\">\n").append(HeaderSection.render(report, now)).append("</div>\n")
                // the filters stay outside the regions the self-refresh replaces: typing is never interrupted
                .append(filters(snapshot.engines()))
                .append("<main id=\"content\" data-generated-at=\"").append(Html.text(report.generatedAt()))
                .append("\">\n")
                .append(IssuerTable.render(rows, now))
                .append(TimelineSvg.render(rows, now, thresholds.warning(), thresholds.critical()))
                .append(HealthSectionView.render(report.engines()))
                .append(LeafSection.render(snapshot, series, now))
                .append("</main>\n")
                .append(footer(report, docsUrl))
                .append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String filters(List<EngineSnapshot> engines) {
        StringBuilder out = new StringBuilder("<form id=\"filters\" class=\"filters\" role=\"search\" "
                + "aria-label=\"Filter issuers, timeline and checks\">\n"
                + "<label for=\"filter-engine\">Engine</label> <select id=\"filter-engine\" name=\"engine\">"
                + "<option value=\"\">all</option>");
        for (EngineSnapshot engine : engines) {
            String name = Html.text(engine.engine());
            out.append("<option value=\"").append(name).append("\">").append(name).append("</option>");
        }
        return out.append("</select>\n<label for=\"filter-state\">State</label> <select id=\"filter-state\" "
                + "name=\"state\"><option value=\"\">all</option><option value=\"ok\">ok</option>"
                + "<option value=\"warning\">warning</option><option value=\"critical\">critical</option>"
                + "<option value=\"error\">error</option></select>\n"
                + "<label for=\"filter-text\">Search</label> <input id=\"filter-text\" name=\"text\" type=\"search\" "
                + "placeholder=\"name, ID, subject\" autocomplete=\"off\">\n</form>\n").toString();
    }

    private static String footer(StatusReport report, String docsUrl) {
        return "<footer>\n<p>Generated <time id=\"generated-at\" datetime=\"" + Html.text(report.generatedAt())
                + "\">" + Html.text(report.generatedAt()) + "</time>; refreshes itself every 30 s "
                + "<span id=\"refresh-note\" role=\"status\" aria-live=\"polite\"></span></p>\n"
                + "<nav aria-label=\"Endpoints\"><a href=\"metrics\">/metrics</a> \u00b7 "
                + "<a href=\"api/v1/status\">/api/v1/status</a> \u00b7 <a href=\"status\">/status</a> \u00b7 "
                + "<a href=\"health\">/health</a> \u00b7 "
                + (docsUrl.isEmpty() ? "docs: <cite>docs/status-pages.md</cite> in the repository"
                        : "<a href=\"" + Html.text(docsUrl) + "\" rel=\"noreferrer\">docs</a>") + "</nav>\n"
                + "</footer>\n";
    }

    private static String resource(String name) {
        try (InputStream in = PageRenderer.class.getResourceAsStream("/monitor-ui/" + name)) {
            if (in == null) {
                throw new IllegalStateException("monitor-ui/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
