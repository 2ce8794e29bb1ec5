package io.vaultpki.monitor.ui;

import io.vaultpki.monitor.status.StatusReport;

import java.util.List;

/** The PKI health-check results per engine, as {@code /api/v1/status} grades them, with the tidy status read. */
final class HealthSectionView {

    private HealthSectionView() {
    }

    static String render(List<StatusReport.Engine> engines) {
        StringBuilder out = new StringBuilder("<section id=\"health\" aria-labelledby=\"health-title\">\n"
                + "<h2 id=\"health-title\">Health checks</h2>\n");
        boolean any = false;
        for (StatusReport.Engine engine : engines) {
            StatusReport.HealthChecks checks = engine.healthChecks();
            if (checks == null) {
                continue;
            }
            any = true;
            out.append("<h3><code>").append(Html.text(engine.engine())).append("</code> checked ")
                    .append(Html.text(checks.checkedAt())).append("</h3>\n");
            if (checks.tidy() != null) {
                out.append("<p class=\"tidy\">Tidy: ").append(Html.text(checks.tidy().state()))
                        .append(checks.tidy().error() == null ? "" : " \u2014 " + Html.text(checks.tidy().error()))
                        .append("</p>\n");
            }
            out.append("<div class=\"scroll\"><table class=\"sortable filterable health-table\">\n<thead><tr>")
                    .append("<th scope=\"col\" data-key=\"state\" data-type=\"text\"><button type=\"button\" "
                            + "class=\"sort\">State</button></th>")
                    .append("<th scope=\"col\" data-key=\"check\" data-type=\"text\"><button type=\"button\" "
                            + "class=\"sort\">Check</button></th>")
                    .append("<th scope=\"col\">Status</th><th scope=\"col\">Object</th><th scope=\"col\">Message</th>")
                    .append("</tr></thead>\n<tbody>\n");
            for (StatusReport.Check check : worstFirst(checks.results())) {
                out.append("<tr class=\"check\" data-engine=\"").append(Html.text(engine.engine()))
                        .append("\" data-state=\"").append(Html.text(check.state())).append("\" data-text=\"")
                        .append(Html.text((engine.engine() + " " + check.check() + " " + check.message() + " "
                                + (check.object() == null ? "" : check.object())).toLowerCase(java.util.Locale.ROOT)))
                        .append("\"><td data-value=\"").append(Html.text(check.state())).append("\">")
                        .append(Html.badge(check.state())).append("</td><td data-value=\"")
                        .append(Html.text(check.check())).append("\"><code>").append(Html.text(check.check()))
                        .append("</code></td><td>").append(Html.text(check.status())).append("</td><td>")
                        .append(check.object() == null ? "" : Html.text(check.object())).append("</td><td>")
                        .append(Html.text(check.message())).append(" <small>(<code>").append(Html.text(check.endpoint()))
                        .append("</code>)</small></td></tr>\n");
            }
            out.append("</tbody></table></div>\n");
        }
        if (!any) {
            out.append("<p class=\"empty\">No health-check run yet (or checks are off).</p>\n");
        }
        return out.append("</section>\n").toString();
    }

    /** Results that count first (critical, warning), in the CLI's order within a state: what needs a look. */
    private static List<StatusReport.Check> worstFirst(List<StatusReport.Check> results) {
        return results.stream().sorted(java.util.Comparator.comparing((StatusReport.Check c) ->
                io.vaultpki.monitor.status.Severity.fromLabel(c.state()).orElse(
                        io.vaultpki.monitor.status.Severity.ERROR)).reversed()).toList();
    }
}
