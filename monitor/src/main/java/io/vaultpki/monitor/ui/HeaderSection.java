package io.vaultpki.monitor.ui;

import io.vaultpki.monitor.status.StatusReport;

import java.time.Duration;
import java.time.Instant;

/**
 * The page header: overall state and the rule that decided it, Vault as last seen (never the token, only its time
 * left), the last refresh and how stale the data is.
 */
final class HeaderSection {

    private HeaderSection() {
    }

    static String render(StatusReport report, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("<header id=\"overview\" class=\"overall st-row-").append(Html.text(report.state())).append("\">\n")
                .append("<h1>vault-pki-monitor <span id=\"overall-state\" data-state=\"")
                .append(Html.text(report.state())).append("\">").append(Html.badge(report.state()))
                .append("</span></h1>\n<p id=\"overall-rule\" class=\"rule\">").append(Html.text(report.rule()))
                .append("</p>\n<dl class=\"facts\">\n");
        StatusReport.Vault vault = report.vault();
        fact(out, "vault-address", "Vault", "<code>" + Html.text(vault.address()) + "</code>"
                + (vault.reachable() ? "" : " <span class=\"badge st-error\">unreachable</span>"));
        fact(out, "vault-version", "Version", vault.version().isEmpty() ? "unknown" : Html.text(vault.version()));
        fact(out, "vault-seal", "Sealed / standby", yesNo(vault.sealed()) + " / " + yesNo(vault.standby()));
        fact(out, "auth-method", "Auth method", vault.authMethod().isEmpty() ? "unknown"
                : Html.text(vault.authMethod()));
        fact(out, "token-expiry", "Token expires", vault.tokenTtlSeconds() == null ? "never or unknown"
                : "in " + Html.left(vault.tokenTtlSeconds()));
        StatusReport.LastRefresh refresh = report.lastRefresh();
        String when = refresh.completedAt() == null ? "none yet" : Html.timeElement(Instant.parse(refresh.completedAt()))
                + " (" + refresh.durationSeconds() + " s, " + Html.text(refresh.outcome()) + ")";
        fact(out, "last-refresh", "Last refresh", when);
        fact(out, "staleness", "Data age", staleness(refresh, now));
        fact(out, "thresholds", "Thresholds", "warning &lt; " + Html.span(report.thresholds().warningSeconds())
                + ", critical &lt; " + Html.span(report.thresholds().criticalSeconds()));
        out.append("</dl>\n");
        if (!refresh.errors().isEmpty()) {
            out.append("<details open id=\"refresh-errors\"><summary>Refresh errors (").append(refresh.errors().size())
                    .append(")</summary><ul>\n");
            for (StatusReport.Error error : refresh.errors()) {
                out.append("<li><code>").append(Html.text(error.engine().isEmpty() ? "monitor" : error.engine()))
                        .append("</code> ").append(Html.text(error.reason())).append(": ")
                        .append(Html.text(error.message()))
                        .append(error.path() == null ? "" : " (<code>" + Html.text(error.path()) + "</code>)")
                        .append("</li>\n");
            }
            out.append("</ul></details>\n");
        }
        return out.append("</header>\n").toString();
    }

    private static String staleness(StatusReport.LastRefresh refresh, Instant now) {
        if (refresh.lastSuccess() == null) {
            return "no data from Vault yet";
        }
        long age = Duration.between(Instant.parse(refresh.lastSuccess()), now).getSeconds();
        return "last good refresh " + Html.span(Math.max(0, age)) + " ago";
    }

    private static String yesNo(Boolean value) {
        return value == null ? "unknown" : value ? "yes" : "no";
    }

    private static void fact(StringBuilder out, String id, String term, String html) {
        out.append("<div><dt>").append(term).append("</dt><dd id=\"").append(id).append("\">").append(html)
                .append("</dd></div>\n");
    }
}
