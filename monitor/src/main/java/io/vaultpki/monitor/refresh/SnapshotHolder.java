package io.vaultpki.monitor.refresh;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicReference;

/** The current {@link PkiSnapshot}; readers never block, a refresh swaps in a whole new one. */
@Singleton
public class SnapshotHolder {

    private final AtomicReference<PkiSnapshot> current;

    public SnapshotHolder(io.vaultpki.client.VaultSettings settings) {
        this.current = new AtomicReference<>(PkiSnapshot.empty(settings.address().toString()));
    }

    public PkiSnapshot current() {
        return current.get();
    }

    public void replace(PkiSnapshot snapshot) {
        current.set(snapshot);
    }
}
