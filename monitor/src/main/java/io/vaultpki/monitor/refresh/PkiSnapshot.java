package io.vaultpki.monitor.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the monitor knows about Vault after one refresh. Immutable; each refresh replaces the whole snapshot
 * (see {@link SnapshotHolder}), and metrics and the status API read only the current snapshot, so a scrape never
 * waits on Vault. An engine whose refresh failed keeps its last good data with {@code up = false}.
 *
 * @param startedAt   when the refresh began; {@link Instant#EPOCH} for the empty snapshot before the first refresh
 * @param completedAt when it ended
 * @param vault       Vault's state as last seen
 * @param engines     PKI engines, sorted by {@link EngineSnapshot#engine()}
 * @param lastSuccess end of the last refresh that reached Vault and authenticated, empty before the first one
 */
public record PkiSnapshot(Instant startedAt, Instant completedAt, VaultState vault, List<EngineSnapshot> engines,
                          Optional<Instant> lastSuccess) {

    public PkiSnapshot {
        engines = List.copyOf(engines);
    }

    /** The snapshot served before the first refresh: no data, Vault not yet reached. */
    public static PkiSnapshot empty(String address) {
        return new PkiSnapshot(Instant.EPOCH, Instant.EPOCH, VaultState.unknown(address), List.of(), Optional.empty());
    }

    public boolean isEmpty() {
        return startedAt.equals(Instant.EPOCH);
    }

    public Duration duration() {
        return Duration.between(startedAt, completedAt);
    }

    public Optional<EngineSnapshot> engine(String engine) {
        return engines.stream().filter(e -> e.engine().equals(engine)).findFirst();
    }
}
