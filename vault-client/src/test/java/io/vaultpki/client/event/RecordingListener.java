package io.vaultpki.client.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it receives, for assertions. */
public final class RecordingListener implements VaultClientListener {

    private final List<VaultClientEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(VaultClientEvent event) {
        events.add(event);
    }

    public List<VaultClientEvent> events() {
        return List.copyOf(events);
    }

    public <T extends VaultClientEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
