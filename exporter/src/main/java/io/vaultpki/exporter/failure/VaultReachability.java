package io.vaultpki.exporter.failure;

import io.vaultpki.client.failure.FailureReason;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether Vault answered the exporter's last export call, in the suite's vocabulary: Vault is unreachable exactly
 * when the failure's {@link FailureReason#vaultUnavailable()} (no answer, a timeout, a TLS failure, sealed, standby).
 * A refusal (403, 400, a role that does not allow the name), a rate limit or a server error still means Vault is
 * there. Feeds {@code vault_pki_exporter_vault_up} and readiness.
 */
@Singleton
public class VaultReachability {

    /**
     * @param reachable whether the last call got an answer; {@code null} until the first call
     * @param since     when that state began
     * @param reason    why Vault is unavailable, {@code null} when reachable or unknown
     */
    public record State(Boolean reachable, Instant since, FailureReason reason) {
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

    /**
     * Records a failed Vault call: unavailable when its reason says so, otherwise Vault answered. A failure inside
     * the exporter ({@link FailureReason#INTERNAL}) says nothing about Vault and changes nothing.
     */
    public void failed(Throwable failure, Instant now) {
        FailureReason reason = Failures.reason(failure);
        if (reason.vaultUnavailable()) {
            state.updateAndGet(s -> new State(false, Boolean.FALSE.equals(s.reachable()) ? s.since() : now, reason));
        } else if (reason != FailureReason.INTERNAL) {
            answered(now);
        }
    }
}
