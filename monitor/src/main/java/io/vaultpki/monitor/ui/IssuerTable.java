package io.vaultpki.monitor.ui;

import io.vaultpki.monitor.refresh.CrlInfo;

import java.time.Instant;
import java.util.List;

/**
 * The issuers table: one row per issuer, least time left first, with its CRL and the CRL's freshness. Rows carry
 * {@code data-engine}, {@code data-state} and {@code data-text} for the filters, cells {@code data-value} for
 * sorting.
 */
final class IssuerTable {

    private IssuerTable() {
    }

    static String render(List<IssuerRow> rows, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("<section id=\"issuers\" aria-labelledby=\"issuers-title\">\n")
                .append("<h2 id=\"issuers-title\">Issuers <span class=\"count\" id=\"issuer-count\">")
                .append(rows.size()).append("</span></h2>\n");
        if (rows.isEmpty()) {
            return out.append("<p class=\"empty\">No issuer seen yet.</p>\n</section>\n").toString();
        }
        out.append("<div class=\"scroll\"><table class=\"sortable filterable\" id=\"issuer-table\">\n")
                .append("<caption class=\"sr-only\">Issuers of every engine, least time left first</caption>\n")
                .append("<thead><tr>");
        header(out, "State", "state", "text");
        header(out, "Engine", "engine", "text");
        header(out, "Issuer", "issuer", "text");
        header(out, "Subject", "subject", "text");
        header(out, "Not before", "not-before", "number");
        header(out, "Not after", "not-after", "number");
        header(out, "Time left", "left", "number");
        header(out, "CRL this update", "crl-this", "number");
        header(out, "CRL next update", "crl-next", "number");
        header(out, "CRL", "crl-state", "text");
        out.append("</tr></thead>\n<tbody>\n");
        for (IssuerRow row : rows) {
            row(out, row, now);
        }
        return out.append("</tbody></table></div>\n</section>\n").toString();
    }

    private static void header(StringBuilder out, String title, String key, String type) {
        out.append("<th scope=\"col\" data-key=\"").append(key).append("\" data-type=\"").append(type)
                .append("\"><button type=\"button\" class=\"sort\">").append(title).append("</button></th>");
    }

    private static void row(StringBuilder out, IssuerRow row, Instant now) {
        var issuer = row.issuer();
        out.append("<tr class=\"issuer st-row-").append(Html.text(row.state())).append("\" data-engine=\"")
                .append(Html.text(row.engine())).append("\" data-state=\"").append(Html.text(row.state()))
                .append("\" data-issuer-id=\"").append(Html.text(issuer.id())).append("\" data-text=\"")
                .append(Html.text(row.searchText())).append("\">");
        cell(out, row.state(), Html.badge(row.state()));
        cell(out, row.engine(), "<code>" + Html.text(row.engine()) + "</code>");
        String name = issuer.name().isEmpty() ? "<em>(no name)</em>" : Html.text(issuer.name());
        cell(out, issuer.name() + issuer.id(), "<span class=\"issuer-name\">" + name + "</span><br><code class=\"id\">"
                + Html.text(issuer.id()) + "</code>" + (issuer.isDefault() ? " <span class=\"tag\">default</span>" : "")
                + (issuer.selfSigned() ? " <span class=\"tag\">root</span>" : ""));
        cell(out, issuer.subject(), Html.text(issuer.subject()));
        cell(out, Long.toString(issuer.notBefore().getEpochSecond()), Html.timeElement(issuer.notBefore()));
        cell(out, Long.toString(issuer.notAfter().getEpochSecond()), Html.timeElement(issuer.notAfter()));
        cell(out, Long.toString(row.secondsLeft()), Html.left(row.secondsLeft()));
        CrlInfo crl = row.crl().orElse(null);
        if (crl == null) {
            cell(out, "", "\u2014");
            cell(out, "", "\u2014");
            cell(out, "none", "no CRL");
        } else {
            cell(out, Long.toString(crl.thisUpdate().getEpochSecond()), Html.timeElement(crl.thisUpdate()));
            cell(out, crl.nextUpdate().map(t -> Long.toString(t.getEpochSecond())).orElse(""),
                    crl.nextUpdate().map(Html::timeElement).orElse("\u2014"));
            String freshness = freshness(crl, now);
            cell(out, freshness, "<span class=\"crl crl-" + freshness + "\">" + freshness + "</span>");
        }
        out.append("</tr>\n");
    }

    /** {@code fresh} until nextUpdate, then {@code stale}; {@code open} when the CRL names no next update. */
    static String freshness(CrlInfo crl, Instant now) {
        return crl.nextUpdate().map(next -> next.isAfter(now) ? "fresh" : "stale").orElse("open");
    }

    private static void cell(StringBuilder out, String sortValue, String html) {
        out.append("<td data-value=\"").append(Html.text(sortValue)).append("\">").append(html).append("</td>");
    }
}
