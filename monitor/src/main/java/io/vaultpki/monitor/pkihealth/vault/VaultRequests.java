package io.vaultpki.monitor.pkihealth.vault;

import java.util.function.Supplier;

/**
 * How the adapter sends a Vault request: the refresh passes its own calls (same adaptive limiter, counted in
 * {@code vault_pki_vault_requests_total} under {@code operation}, stopped when Vault is found sealed or unreachable).
 */
@FunctionalInterface
public interface VaultRequests {

    /** Sends {@code request}, counted as {@code operation}; a failure is the client's exception, rethrown. */
    <T> T call(String operation, Supplier<T> request);
}
