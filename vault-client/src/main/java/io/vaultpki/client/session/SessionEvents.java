package io.vaultpki.client.session;

import io.vaultpki.client.event.VaultClientEvent;
import io.vaultpki.client.event.VaultClientListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands lifecycle events to the listener; a listener that throws is logged and ignored, never breaking the session. */
final class SessionEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final VaultClientListener listener;

    SessionEvents(VaultClientListener listener) {
        this.listener = listener;
    }

    void emit(VaultClientEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("Vault client listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }
}
