package io.vaultpki.monitor.ui;

import io.vaultpki.monitor.refresh.CrlInfo;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.IssuerInfo;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.status.StatusReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One issuer as the page shows it: the snapshot's certificate data with the state the status report graded it
 * with (the same grading as {@code /api/v1/status}, from the same snapshot).
 */
record IssuerRow(String engine, IssuerInfo issuer, String state, long secondsLeft, Optional<CrlInfo> crl) {

    /** Every issuer of every engine, least time left first (ties by engine, then ID, for a stable page). */
    static List<IssuerRow> of(PkiSnapshot snapshot, StatusReport report) {
        Map<String, StatusReport.Issuer> graded = new HashMap<>();
        for (StatusReport.Engine engine : report.engines()) {
            engine.issuers().forEach(i -> graded.put(key(engine.engine(), i.id()), i));
        }
        List<IssuerRow> rows = new ArrayList<>();
        for (EngineSnapshot engine : snapshot.engines()) {
            for (IssuerInfo issuer : engine.issuers()) {
                StatusReport.Issuer grade = graded.get(key(engine.engine(), issuer.id()));
                if (grade == null) {
                    continue; // cannot happen for an unfiltered report of the same snapshot
                }
                Optional<CrlInfo> crl = engine.crls().stream().filter(c -> c.issuerId().equals(issuer.id()))
                        .findFirst();
                rows.add(new IssuerRow(engine.engine(), issuer, grade.state(), grade.secondsLeft(), crl));
            }
        }
        rows.sort(Comparator.comparingLong(IssuerRow::secondsLeft).thenComparing(IssuerRow::engine)
                .thenComparing(r -> r.issuer().id()));
        return rows;
    }

    /** What the filters' text search matches: engine, name, ID, subject. */
    String searchText() {
        return (engine + " " + issuer.name() + " " + issuer.id() + " " + issuer.subject()).toLowerCase(
                java.util.Locale.ROOT);
    }

    private static String key(String engine, String id) {
        return engine + '\u0000' + id;
    }
}
