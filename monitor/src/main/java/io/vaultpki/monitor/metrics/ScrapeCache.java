package io.vaultpki.monitor.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.vaultpki.monitor.metrics.exposition.Body;
import io.vaultpki.monitor.metrics.exposition.ExpositionFormat;
import io.vaultpki.monitor.metrics.exposition.Piece;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * The body of {@code /metrics}, rendered once and served to every scraper until it changes, so a scrape costs a
 * lookup and a copy to the socket whatever the number of issuers.
 *
 * <p>A body is built for one second of the clock and rendered as of its end, the next whole second: a value relative
 * to now read at time t is exact for a moment at most one second after t, so the countdown never shows more time
 * left than there is, and a leaf never shows as valid after it expired. Its pieces are rendered when their inputs
 * change: the issuer, CRL, monitor and health-check families when a refresh publishes different ones (a health
 * run's timestamps apart from its results)
 * ({@link SnapshotGroups}), the leaf families when the snapshot changes or a leaf crosses an expiry or window
 * instant, the compatibility countdown {@code vault_issuer_validity_seconds} every second, and Micrometer's own
 * meters (JVM, HTTP server, refresh counters) every second: a body is never more than a second old. At most one
 * body per format is rebuilt at a time; the scrapers arriving meanwhile wait for it rather than each rendering
 * their own.
 */
@Singleton
@Requires(beans = PrometheusMeterRegistry.class)
public class ScrapeCache {

    private final SnapshotHolder snapshots;
    private final PkiFamilies families;
    private final Function<ExpositionFormat, Piece> meters;
    private final Clock clock;
    private final SnapshotGroups groups;
    private final AtomicReferenceArray<Current> current =
            new AtomicReferenceArray<>(ExpositionFormat.values().length);

    /** The body of one format as of one second of one snapshot. */
    private record Current(long generation, Instant second, Body body) {
    }

    @Inject
    public ScrapeCache(SnapshotHolder snapshots, PkiFamilies families, PrometheusMeterRegistry registry) {
        this(snapshots, families, format -> meters(registry, format), Clock.systemUTC());
    }

    /**
     * @param meters renders the meters that are not PKI families (Micrometer's registry in the application)
     */
    public ScrapeCache(SnapshotHolder snapshots, PkiFamilies families, Function<ExpositionFormat, Piece> meters,
                       Clock clock) {
        this.snapshots = snapshots;
        this.families = families;
        this.meters = meters;
        this.clock = clock;
        this.groups = new SnapshotGroups(families);
    }

    /** The answer to a scrape in {@code format} now. */
    public Body body(ExpositionFormat format) {
        PkiSnapshot snapshot = snapshots.current();
        Instant second = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Current known = fresh(format, snapshot, second);
        if (known != null) {
            return known.body();
        }
        synchronized (this) {
            known = fresh(format, snapshot, second);
            if (known != null) {
                return known.body(); // built while this scraper waited
            }
            long generation = groups.observe(snapshot);
            Instant asOf = second.plusSeconds(1);
            Body body = new Body(format, List.of(
                    meters.apply(format),
                    format.render(families.validity(snapshot, asOf)),
                    groups.leaves(format, asOf),
                    groups.crls(format),
                    groups.issuers(format),
                    groups.monitor(format),
                    groups.health(format),
                    groups.healthRuns(format)));
            current.set(format.ordinal(), new Current(generation, second, body));
            return body;
        }
    }

    private Current fresh(ExpositionFormat format, PkiSnapshot snapshot, Instant second) {
        long generation = groups.generationOf(snapshot);
        Current known = current.get(format.ordinal());
        return known != null && generation >= 0 && known.generation() == generation && known.second().equals(second)
                ? known : null;
    }

    private static Piece meters(PrometheusMeterRegistry registry, ExpositionFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            registry.scrape(out, format.contentType());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return format.piece(out.toByteArray());
    }
}
