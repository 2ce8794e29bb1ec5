package io.vaultpki.monitor.pkihealth.input;

import io.vaultpki.client.failure.FailureReason;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of one Vault read a check needs: the value, or why there is none. The CLI tells these apart the same
 * way ({@code IsSecretPermissionsError}, {@code IsUnsupportedPathError} in
 * https://github.com/hashicorp/vault/blob/main/command/healthcheck/healthcheck.go).
 *
 * @param <T> the value's type
 */
public sealed interface Fetched<T> {

    /** Read. */
    record Value<T>(T value) implements Fetched<T> {
        public Value {
            Objects.requireNonNull(value, "value");
        }
    }

    /** This Vault lacks the endpoint (404 unsupported path, 405): the check's result is {@code invalid_version}. */
    record Unsupported<T>() implements Fetched<T> {
    }

    /** The token may not read it (403): the check's result is {@code insufficient_permissions}. */
    record Forbidden<T>() implements Fetched<T> {
    }

    /** The read failed for another reason (timeout, sealed, unparsable answer): the check is {@code not_applicable}. */
    record Failed<T>(FailureReason reason) implements Fetched<T> {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Not read at all, e.g. because no enabled check needs it this round: the check is {@code not_applicable}. */
    record NotRead<T>() implements Fetched<T> {
    }

    static <T> Fetched<T> of(T value) {
        return new Value<>(value);
    }

    static <T> Fetched<T> unsupported() {
        return new Unsupported<>();
    }

    static <T> Fetched<T> forbidden() {
        return new Forbidden<>();
    }

    static <T> Fetched<T> failed(FailureReason reason) {
        return new Failed<>(reason);
    }

    static <T> Fetched<T> notRead() {
        return new NotRead<>();
    }

    /**
     * The outcome of a failed read classified by the suite's {@code FailureClassifier}: {@code permission_denied}
     * is {@link Forbidden}, {@code not_found} (a path this engine lacks) is {@link Unsupported}, anything else is
     * {@link Failed}. An adapter that sees a 405 should use {@link #unsupported()} itself.
     */
    static <T> Fetched<T> fromFailure(FailureReason reason) {
        return switch (reason) {
            case PERMISSION_DENIED -> forbidden();
            case NOT_FOUND -> unsupported();
            default -> failed(reason);
        };
    }

    /** The value when read. */
    default Optional<T> optional() {
        return this instanceof Value<T> v ? Optional.of(v.value()) : Optional.empty();
    }

    /** The same outcome with the value mapped. */
    @SuppressWarnings("unchecked")
    default <R> Fetched<R> map(Function<? super T, ? extends R> mapper) {
        return this instanceof Value<T> v ? new Value<>(mapper.apply(v.value())) : (Fetched<R>) this;
    }
}
