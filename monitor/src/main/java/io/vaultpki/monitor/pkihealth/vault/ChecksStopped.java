package io.vaultpki.monitor.pkihealth.vault;

/**
 * Thrown by a {@link VaultRequests} when Vault as a whole cannot answer (sealed, unreachable): the run stops at once,
 * no other read of it is sent, and the engines keep their previous results. The cause is the caller's own failure.
 */
public final class ChecksStopped extends RuntimeException {

    public ChecksStopped(RuntimeException cause) {
        super(cause.getMessage(), cause, false, false);
    }
}
