package io.vaultpki.monitor.metrics;

import io.vaultpki.monitor.metrics.exposition.ExpositionFormat;
import io.vaultpki.monitor.metrics.exposition.Piece;
import io.vaultpki.monitor.pkihealth.EngineHealth;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.PkiSnapshot;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rendered groups of families of the last snapshot seen, per format, kept across snapshots whose inputs to a
 * group are equal: a refresh that found nothing new re-renders only the monitor's own state. Each group's key is
 * exactly what its families are computed from, compared by value, so a kept piece is what a fresh rendering would
 * print. Used under {@link ScrapeCache}'s lock; {@link #generationOf} may be called without it.
 */
final class SnapshotGroups {

    /** The last snapshot seen and its number; the number changes with the snapshot. */
    private record Seen(PkiSnapshot snapshot, long generation) {
    }

    private final PkiFamilies families;
    private volatile Seen seen;
    private final Group issuers = new Group();
    private final Group crls = new Group();
    private final Group monitor = new Group();
    private final Group leaves = new Group();
    private final Group health = new Group();
    private final Group healthRuns = new Group();
    private Instant leavesAt = Instant.MIN;
    private Instant leavesChangeAt = Instant.MIN;

    SnapshotGroups(PkiFamilies families) {
        this.families = families;
    }

    /** The generation of {@code snapshot} if it is the last one seen, else -1. */
    long generationOf(PkiSnapshot snapshot) {
        Seen s = seen;
        return s != null && s.snapshot() == snapshot ? s.generation() : -1;
    }

    /** Makes {@code snapshot} the current one and drops the groups it changes; returns its generation. */
    long observe(PkiSnapshot snapshot) {
        Seen s = seen;
        if (s != null && s.snapshot() == snapshot) {
            return s.generation();
        }
        // value lists (Arrays.asList: a null field compares as null instead of failing the scrape)
        List<EngineSnapshot> engines = snapshot.engines();
        issuers.key(engines.stream().map(e -> Arrays.asList(e.engine(), e.issuers())).toList());
        crls.key(engines.stream().map(e -> Arrays.asList(e.engine(), e.crls())).toList());
        leaves.key(engines.stream().map(e -> Arrays.asList(e.engine(), e.leavesCollected(), e.leaves())).toList());
        monitor.key(Arrays.asList(snapshot.vault(), snapshot.lastSuccess(),
                engines.stream().map(e -> Arrays.asList(e.engine(), e.up(), e.lastSuccess())).toList()));
        // a health-check run every n refreshes: the other refreshes carry the same results and keep the pieces
        // and a run that finds what the last one found renders only its timestamps again
        health.key(engines.stream().map(e -> Arrays.asList(e.engine(),
                e.health().map(h -> Arrays.asList(h.results(), h.tidy())).orElse(null))).toList());
        healthRuns.key(engines.stream().map(e -> Arrays.asList(e.engine(),
                e.health().map(EngineHealth::checkedAt).orElse(null))).toList());
        long generation = s == null ? 0 : s.generation() + 1;
        seen = new Seen(snapshot, generation);
        return generation;
    }

    Piece issuers(ExpositionFormat format) {
        return issuers.piece(format, f -> f.render(families.issuers(seen.snapshot())));
    }

    Piece crls(ExpositionFormat format) {
        return crls.piece(format, f -> f.render(families.crls(seen.snapshot())));
    }

    Piece monitor(ExpositionFormat format) {
        return monitor.piece(format, f -> f.render(families.monitor(seen.snapshot())));
    }

    Piece health(ExpositionFormat format) {
        return health.piece(format, f -> f.render(families.health(seen.snapshot())));
    }

    Piece healthRuns(ExpositionFormat format) {
        return healthRuns.piece(format, f -> f.render(families.healthRuns(seen.snapshot())));
    }

    /** The leaf families as of {@code asOf}, rendered again only when a leaf crossed an instant since. */
    Piece leaves(ExpositionFormat format, Instant asOf) {
        if (leaves.pieces.isEmpty() || asOf.isBefore(leavesAt) || !asOf.isBefore(leavesChangeAt)) {
            PkiFamilies.Leaves current = families.leaves(seen.snapshot(), asOf);
            leaves.pieces.clear();
            leaves.pieces.put(format, format.render(current.families()));
            leavesAt = asOf;
            leavesChangeAt = current.changesAt();
        }
        Instant at = leavesAt;
        return leaves.piece(format, f -> f.render(families.leaves(seen.snapshot(), at).families()));
    }

    /** Pieces per format of one group, valid while the key stays equal. */
    private static final class Group {
        private Object key;
        private final Map<ExpositionFormat, Piece> pieces = new EnumMap<>(ExpositionFormat.class);

        void key(Object next) {
            if (!next.equals(key)) {
                key = next;
                pieces.clear();
            }
        }

        Piece piece(ExpositionFormat format, Function<ExpositionFormat, Piece> render) {
            return pieces.computeIfAbsent(format, render);
        }
    }
}
