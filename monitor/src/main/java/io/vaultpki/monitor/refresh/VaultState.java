package io.vaultpki.monitor.refresh;

import java.time.Instant;
import java.util.Optional;

/**
 * Vault as the last refresh saw it. Never holds the token.
 *
 * @param address      the configured Vault address (the {@code url} label)
 * @param reachable    the last refresh got an answer from Vault and was authenticated
 * @param initialized  from {@code sys/health}, empty if unknown
 * @param sealed       from {@code sys/health}, empty if unknown
 * @param standby      from {@code sys/health}, empty if unknown
 * @param version      Vault's version, {@code ""} if unknown
 * @param authMethod   the authentication method in use ({@code kubernetes}, {@code approle}, ...)
 * @param tokenExpiry  expiry of the monitor's token, empty for a non-expiring or unknown token
 * @param error        what went wrong when not reachable or not authenticated (never a secret)
 */
public record VaultState(String address, boolean reachable, Optional<Boolean> initialized, Optional<Boolean> sealed,
                         Optional<Boolean> standby, String version, String authMethod, Optional<Instant> tokenExpiry,
                         Optional<RefreshError> error) {

    public static VaultState unknown(String address) {
        return new VaultState(address, false, Optional.empty(), Optional.empty(), Optional.empty(), "", "",
                Optional.empty(), Optional.empty());
    }
}
