package io.vaultpki.monitor.ui;

import io.vaultpki.monitor.metrics.LeafSeriesConfiguration;
import io.vaultpki.monitor.metrics.LeafState;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.LeafCertificate;
import io.vaultpki.monitor.refresh.PkiSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Leaf certificates: counts per state and per expiry window for each engine (as {@code vault_pki_certificates} and
 * {@code vault_pki_certificates_expiring} count them), and the soonest-expiring ones. The list respects the series
 * settings of {@code /metrics}: at most {@code monitor.leaves.max-series} (and {@value #SHOWN}) of them, superseded
 * ones only with {@code monitor.leaves.include-superseded}; revoked and superseded ones are marked.
 */
final class LeafSection {

    static final int SHOWN = 20;

    private LeafSection() {
    }

    static String render(PkiSnapshot snapshot, LeafSeriesConfiguration series, Instant now) {
        StringBuilder out = new StringBuilder("<section id=\"leaves\" aria-labelledby=\"leaves-title\">\n"
                + "<h2 id=\"leaves-title\">Leaf certificates</h2>\n");
        List<EngineSnapshot> collected = snapshot.engines().stream().filter(EngineSnapshot::leavesCollected).toList();
        if (collected.isEmpty()) {
            return out.append("<p class=\"empty\">No leaf certificates collected (monitor.leaves.enabled).</p>\n"
                    + "</section>\n").toString();
        }
        List<Duration> windows = series.windows();
        out.append("<div class=\"scroll\"><table id=\"leaf-counts\">\n<caption class=\"sr-only\">Leaf certificates "
                + "per engine, by state and by expiry window</caption>\n<thead><tr><th scope=\"col\">Engine</th>");
        for (LeafState state : LeafState.values()) {
            out.append("<th scope=\"col\">").append(state.label()).append("</th>");
        }
        for (Duration window : windows) {
            out.append("<th scope=\"col\">expiring &lt; ").append(Html.span(window.getSeconds())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        List<Soon> soonest = new ArrayList<>();
        for (EngineSnapshot engine : collected) {
            Map<LeafState, Integer> counts = new EnumMap<>(LeafState.class);
            int[] expiring = new int[windows.size()];
            for (LeafCertificate leaf : engine.leaves()) {
                LeafState state = LeafState.of(leaf, now);
                counts.merge(state, 1, Integer::sum);
                if (state == LeafState.VALID || state == LeafState.SUPERSEDED) {
                    for (int w = 0; w < windows.size(); w++) {
                        if (leaf.notAfter().isBefore(now.plus(windows.get(w)))) {
                            expiring[w]++;
                        }
                    }
                }
                if (state != LeafState.EXPIRED && (state != LeafState.SUPERSEDED || series.includeSuperseded())) {
                    soonest.add(new Soon(engine.engine(), leaf, state));
                }
            }
            out.append("<tr data-engine=\"").append(Html.text(engine.engine())).append("\"><th scope=\"row\"><code>")
                    .append(Html.text(engine.engine())).append("</code></th>");
            for (LeafState state : LeafState.values()) {
                out.append("<td>").append(counts.getOrDefault(state, 0)).append("</td>");
            }
            for (int count : expiring) {
                out.append("<td>").append(count).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
        soonest.sort(Comparator.comparing((Soon s) -> s.leaf().notAfter()).thenComparing(s -> s.leaf().serial()));
        int limit = Math.min(SHOWN, series.maxSeries());
        out.append("<h3>Soonest to expire (").append(Math.min(limit, soonest.size())).append(" of ")
                .append(soonest.size()).append(")</h3>\n");
        out.append("<div class=\"scroll\"><table class=\"sortable\" id=\"leaf-table\">\n<thead><tr>")
                .append("<th scope=\"col\">Engine</th><th scope=\"col\">Common name</th><th scope=\"col\">Serial</th>")
                .append("<th scope=\"col\">Not after</th><th scope=\"col\">Time left</th><th scope=\"col\">Mark</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (Soon s : soonest.subList(0, Math.min(limit, soonest.size()))) {
            long left = Duration.between(now, s.leaf().notAfter()).getSeconds();
            out.append("<tr class=\"leaf\" data-engine=\"").append(Html.text(s.engine())).append("\"><td><code>")
                    .append(Html.text(s.engine())).append("</code></td><td>").append(Html.text(s.leaf().commonName()))
                    .append("</td><td><code>").append(Html.text(s.leaf().serial())).append("</code></td><td>")
                    .append(Html.timeElement(s.leaf().notAfter())).append("</td><td>").append(Html.left(left))
                    .append("</td><td>").append(s.state() == LeafState.VALID ? "" : "<span class=\"tag\">"
                            + s.state().label() + "</span>").append("</td></tr>\n");
        }
        return out.append("</tbody></table></div>\n</section>\n").toString();
    }

    private record Soon(String engine, LeafCertificate leaf, LeafState state) {
    }
}
