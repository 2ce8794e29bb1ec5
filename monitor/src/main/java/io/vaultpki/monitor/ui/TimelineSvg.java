package io.vaultpki.monitor.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The validity timeline as inline SVG: one bar per issuer (same order as the table) on a shared time axis, a "now"
 * line and the warning and critical thresholds (now + threshold), so overlapping renewals and gaps show. Drawn on
 * the server: no chart library, no external request. Bars carry the filter attributes of their table row.
 */
final class TimelineSvg {

    static final int WIDTH = 1000;
    private static final int LABEL = 250;
    private static final int BAR = 18;
    private static final int GAP = 8;
    private static final int TOP = 30;

    private TimelineSvg() {
    }

    static String render(List<IssuerRow> rows, Instant now, Duration warning, Duration critical) {
        StringBuilder out = new StringBuilder("<section id=\"timeline\" aria-labelledby=\"timeline-title\">\n"
                + "<h2 id=\"timeline-title\">Timeline</h2>\n");
        if (rows.isEmpty()) {
            return out.append("<p class=\"empty\">No issuer to draw.</p>\n</section>\n").toString();
        }
        Instant start = rows.stream().map(r -> r.issuer().notBefore()).min(Instant::compareTo).orElse(now);
        Instant end = rows.stream().map(r -> r.issuer().notAfter()).max(Instant::compareTo).orElse(now);
        // the axis spans at most a year either side of now (a 10-year root would squeeze the next weeks, where
        // renewals happen, into a few pixels); longer bars are cut at the edge and marked, their tooltips exact
        Duration reach = Duration.ofDays(366).plus(warning);
        start = latest(earliest(start, now.minus(critical)), now.minus(reach));
        end = earliest(latest(end, now.plus(warning).plus(warning.dividedBy(10))), now.plus(reach));
        Axis axis = new Axis(start, end);
        int height = TOP + rows.size() * (BAR + GAP) + 10;
        out.append("<div class=\"scroll\"><svg id=\"timeline-svg\" role=\"img\" aria-labelledby=\"timeline-desc\" "
                        + "viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">\n")
                .append("<desc id=\"timeline-desc\">Validity of each issuer from not-before to not-after, with now"
                        + " and the warning and critical thresholds</desc>\n");
        years(out, axis, height);
        for (int i = 0; i < rows.size(); i++) {
            bar(out, rows.get(i), axis, TOP + i * (BAR + GAP));
        }
        line(out, "threshold-warning", axis.x(now.plus(warning)), height, "warning: now + " + Html.span(warning.getSeconds()));
        line(out, "threshold-critical", axis.x(now.plus(critical)), height,
                "critical: now + " + Html.span(critical.getSeconds()));
        line(out, "now", axis.x(now), height, "now");
        return out.append("</svg></div>\n<p class=\"legend\"><span class=\"key now\">|</span> now "
                + "<span class=\"key threshold-critical\">|</span> critical threshold "
                + "<span class=\"key threshold-warning\">|</span> warning threshold</p>\n</section>\n").toString();
    }

    private static void bar(StringBuilder out, IssuerRow row, Axis axis, int y) {
        boolean cutStart = row.issuer().notBefore().isBefore(axis.start());
        boolean cutEnd = row.issuer().notAfter().isAfter(axis.end());
        double x1 = axis.x(cutStart ? axis.start() : row.issuer().notBefore());
        double x2 = axis.x(cutEnd ? axis.end() : row.issuer().notAfter());
        String label = (row.issuer().name().isEmpty() ? row.issuer().id() : row.issuer().name()) + " ("
                + row.engine() + ")";
        out.append("<g class=\"bar-group\" data-engine=\"").append(Html.text(row.engine()))
                .append("\" data-state=\"").append(Html.text(row.state())).append("\" data-text=\"")
                .append(Html.text(row.searchText())).append("\">")
                .append("<text class=\"bar-label\" x=\"4\" y=\"").append(y + BAR - 5).append("\">")
                .append(Html.text(shorten(label))).append("</text>")
                .append("<rect class=\"bar st-").append(Html.text(row.state()))
                .append(cutStart ? " cut-start" : "").append(cutEnd ? " cut-end" : "").append("\" data-issuer-id=\"")
                .append(Html.text(row.issuer().id())).append("\" x=\"").append(fmt(x1)).append("\" y=\"").append(y)
                .append("\" width=\"").append(fmt(Math.max(2, x2 - x1))).append("\" height=\"").append(BAR)
                .append("\" rx=\"3\"><title>").append(Html.text(label + ": " + row.state() + ", "
                        + Html.time(row.issuer().notBefore()) + " to " + Html.time(row.issuer().notAfter())
                        + ", " + Html.left(row.secondsLeft()))).append("</title></rect>");
        if (cutStart) { // the bar began before the axis
            out.append("<text class=\"cut\" x=\"").append(fmt(x1 + 2)).append("\" y=\"").append(y + BAR - 5)
                    .append("\">\u25C0</text>");
        }
        if (cutEnd) { // the bar goes on beyond the axis
            out.append("<text class=\"cut\" x=\"").append(fmt(x2 - 12)).append("\" y=\"").append(y + BAR - 5)
                    .append("\">\u25B6</text>");
        }
        out.append("</g>\n");
    }

    private static void line(StringBuilder out, String kind, double x, int height, String title) {
        out.append("<line class=\"marker ").append(kind).append("\" x1=\"").append(fmt(x)).append("\" x2=\"")
                .append(fmt(x)).append("\" y1=\"").append(TOP - 12).append("\" y2=\"").append(height)
                .append("\"><title>").append(Html.text(title)).append("</title></line>\n");
    }

    /** A tick per year, or per month (every third month past 13 months) when the axis spans less than 3 years. */
    private static void years(StringBuilder out, Axis axis, int height) {
        long days = Duration.between(axis.start(), axis.end()).toDays();
        boolean monthly = days < 3 * 365;
        int step = days > 400 ? 3 : 1;
        var from = axis.start().atZone(ZoneOffset.UTC).toLocalDate().withDayOfYear(1);
        int ticks = 0;
        for (var d = from; ticks < 60; d = monthly ? d.plusMonths(step) : d.plusYears(1), ticks++) {
            Instant t = d.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (t.isAfter(axis.end())) {
                break;
            }
            if (t.isBefore(axis.start())) {
                continue;
            }
            double x = axis.x(t);
            if (x > WIDTH - 50) {
                break; // no room for the label
            }
            out.append("<line class=\"tick\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x))
                    .append("\" y1=\"").append(TOP - 8).append("\" y2=\"").append(height).append("\"/>")
                    .append("<text class=\"tick-label\" x=\"").append(fmt(x + 2)).append("\" y=\"").append(TOP - 14)
                    .append("\">").append(monthly ? d.toString().substring(0, 7) : d.getYear()).append("</text>\n");
        }
    }

    private static String shorten(String label) {
        return label.length() > 38 ? label.substring(0, 37) + "\u2026" : label;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Maps instants onto the drawing area right of the labels. */
    private record Axis(Instant start, Instant end) {
        double x(Instant t) {
            double span = Math.max(1, end.getEpochSecond() - start.getEpochSecond());
            return LABEL + (WIDTH - LABEL - 10) * (t.getEpochSecond() - start.getEpochSecond()) / span;
        }
    }
}
