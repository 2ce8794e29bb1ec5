package io.vaultpki.client.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** 429 (rate limited) or 503 (sealed, standby without an active node): retry later. */
public class VaultUnavailableException extends VaultResponseException {

    private final long retryAfterSeconds;

    public VaultUnavailableException(String method, String path, int status, List<String> errors, long retryAfterSeconds) {
        super(method, path, status, errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    public boolean isSealed() {
        return status() == 503 && hasError("Vault is sealed");
    }

    public boolean isRateLimited() {
        return status() == 429;
    }

    /** A standby that cannot reach or forward to an active node. */
    public boolean isStandby() {
        return hasError("no active Vault instance") || hasError("node is not active");
    }

    /** Vault's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return retryAfterSeconds >= 0 ? Optional.of(Duration.ofSeconds(retryAfterSeconds)) : Optional.empty();
    }
}
