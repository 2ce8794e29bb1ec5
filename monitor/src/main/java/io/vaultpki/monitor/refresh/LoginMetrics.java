package io.vaultpki.monitor.refresh;

import io.vaultpki.client.event.VaultClientEvent;
import io.vaultpki.client.event.VaultClientListener;
import jakarta.inject.Singleton;

/**
 * Counts the client's logins as {@code vault_pki_vault_requests_total{operation="login"}}: the session logs in by
 * itself (lazily, and again when a token dies), so logins are observed through its events, not wrapped like the
 * refresh's own requests.
 */
@Singleton
public class LoginMetrics implements VaultClientListener {

    private final RefreshMetrics metrics;

    public LoginMetrics(RefreshMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onEvent(VaultClientEvent event) {
        if (event instanceof VaultClientEvent.LoginSucceeded) {
            metrics.request("login", true);
        } else if (event instanceof VaultClientEvent.LoginFailed) {
            metrics.request("login", false);
        }
    }
}
