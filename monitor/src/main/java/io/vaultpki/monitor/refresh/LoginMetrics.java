package io.vaultpki.monitor.refresh;

import io.vaultpki.client.event.VaultClientEvent;
import io.vaultpki.client.event.VaultClientListener;
import jakarta.inject.Singleton;

/**
 * Counts the session's own requests as {@code vault_pki_vault_requests_total}: the session logs in by itself
 * (lazily, and again when a token dies) and looks every new token up once, so these requests are observed through
 * its events, not wrapped like the refresh's own requests. A fixed token or a token file needs no login request,
 * only the lookup.
 */
@Singleton
public class LoginMetrics implements VaultClientListener {

    private static final java.util.Set<String> STATIC_TOKEN_METHODS = java.util.Set.of(
            io.vaultpki.client.auth.TokenAuthentication.METHOD, io.vaultpki.client.auth.TokenFileAuthentication.METHOD);

    private final RefreshMetrics metrics;

    public LoginMetrics(RefreshMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onEvent(VaultClientEvent event) {
        if (event instanceof VaultClientEvent.LoginSucceeded succeeded) {
            if (!STATIC_TOKEN_METHODS.contains(succeeded.method())) {
                metrics.request("login", true);
            }
            metrics.request("lookup_self", true);
        } else if (event instanceof VaultClientEvent.LoginFailed) {
            metrics.request("login", false);
        }
    }
}
