package io.vaultpki.client.event;

/**
 * Receives {@link VaultClientEvent}s. Called synchronously on the thread that caused the event (a request thread
 * or the renewal scheduler), so implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface VaultClientListener {

    /** A listener that ignores every event. */
    VaultClientListener NONE = event -> {
    };

    void onEvent(VaultClientEvent event);
}
