package io.vaultpki.monitor.pkihealth.vault;

import io.vaultpki.client.failure.FailureClassifier;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.monitor.pkihealth.input.Fetched;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A failed read as a {@link Fetched}, decided by the suite's {@link FailureClassifier}: 403 is
 * {@code Forbidden}; a 404 {@code unsupported path} or a 405 (a route this Vault version lacks, as the CLI's
 * {@code IsUnsupportedPathError} in https://github.com/hashicorp/vault/blob/main/command/healthcheck/shared.go) is
 * {@code Unsupported}; anything else is {@code Failed} with its reason. A {@link ChecksStopped} is not caught here: it ends
 * the whole run.
 */
public final class Outcomes {

    private Outcomes() {
    }

    /** The value of {@code request} mapped, or why there is none. */
    static <R, T> Fetched<T> read(Supplier<R> request, Function<R, T> mapper) {
        try {
            return Fetched.of(mapper.apply(request.get()));
        } catch (ChecksStopped e) {
            throw e;
        } catch (RuntimeException e) {
            return of(e);
        }
    }

    /**
     * A per-object read ({@code roles/<name>}, {@code key/<id>}, {@code cert/<serial>}): empty when the object
     * vanished since it was listed (an empty 404), so that it is left out rather than called unsupported.
     */
    static <R, T> Optional<Fetched<T>> object(Supplier<Optional<R>> request, Function<R, T> mapper) {
        try {
            return request.get().map(value -> Fetched.of(mapper.apply(value)));
        } catch (ChecksStopped e) {
            throw e;
        } catch (RuntimeException e) {
            if (e instanceof VaultNotFoundException nf && !nf.isUnsupportedPath()) {
                return Optional.empty();
            }
            return Optional.of(of(e));
        }
    }

    /** The outcome of a read that failed with {@code e}. */
    public static <T> Fetched<T> of(RuntimeException e) {
        FailureReason reason = FailureClassifier.classify(e);
        if (e instanceof VaultResponseException r && r.status() == 405) {
            return Fetched.unsupported();
        }
        if (reason == FailureReason.NOT_FOUND) {
            // only a route this Vault lacks is "unsupported"; a missing mount or object is a failed read
            return e instanceof VaultNotFoundException nf && nf.isUnsupportedPath() ? Fetched.unsupported()
                    : Fetched.failed(reason);
        }
        return Fetched.fromFailure(reason);
    }
}
