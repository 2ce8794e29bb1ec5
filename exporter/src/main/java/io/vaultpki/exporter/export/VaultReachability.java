package io.vaultpki.exporter.export;

import io.vaultpki.client.http.VaultConnectionException;
import io.vaultpki.client.http.VaultTimeoutException;
import io.vaultpki.client.http.VaultTlsException;
import io.vaultpki.client.http.VaultUnavailableException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether Vault answered the exporter's last call. A refusal (403, 400, a role that does not allow the name) still
 * means Vault is reachable; only no answer, a timeout, a TLS failure, sealed or standby count as unreachable.
 */
@Singleton
public class VaultReachability {

    /**
     * @param reachable whether the last call got an answer
     * @param since     when that state began
     * @param reason    why it is unreachable, {@code null} when reachable or unknown
     */
    public record State(Boolean reachable, Instant since, String reason) {
    }

    private final AtomicReference<State> state = new AtomicReference<>(new State(null, null, null));

    public State state() {
        return state.get();
    }

    /** Unknown until the first Vault call. */
    public Boolean reachable() {
        return state.get().reachable();
    }

    public void answered(Instant now) {
        state.updateAndGet(s -> Boolean.TRUE.equals(s.reachable()) ? s : new State(true, now, null));
    }

    /** Classifies {@code failure}: an answer from Vault, even a refusal, counts as reachable. */
    public void failed(RuntimeException failure, Instant now) {
        if (isUnreachable(failure)) {
            String reason = failure.getClass().getSimpleName();
            state.updateAndGet(s -> Boolean.FALSE.equals(s.reachable()) ? new State(false, s.since(), reason)
                    : new State(false, now, reason));
        } else if (failure instanceof io.vaultpki.client.VaultException) {
            answered(now);
        }
    }

    /**
     * No answer, a timeout, a TLS failure, sealed or standby, also when wrapped (a login that could not reach Vault
     * is a {@code VaultLoginException} caused by the connection failure). A 429 is an answer: Vault is rate-limiting.
     */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof VaultConnectionException || t instanceof VaultTimeoutException
                    || t instanceof VaultTlsException || t instanceof VaultUnavailableException u && !u.isRateLimited()) {
                return true;
            }
        }
        return false;
    }
}
