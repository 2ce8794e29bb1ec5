package io.vaultpki.exporter.api;

import io.micronaut.http.HttpStatus;
import io.vaultpki.client.VaultException;
import io.vaultpki.client.http.VaultConnectionException;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultResponseFormatException;
import io.vaultpki.client.http.VaultTimeoutException;
import io.vaultpki.client.http.VaultUnavailableException;
import io.vaultpki.exporter.access.AccessDeniedException;
import io.vaultpki.exporter.export.ExportConflictException;
import io.vaultpki.exporter.export.ExportNotFoundException;
import io.vaultpki.exporter.export.RenewalTooSoonException;
import io.vaultpki.exporter.export.SpecInvalidException;
import io.vaultpki.exporter.files.InvalidMaterialException;
import io.vaultpki.exporter.material.MaterialException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides which status and message an exception becomes. Vault refusing (any 4xx, a 5xx, a bad
 * answer) is 502 with Vault's sanitised error strings; Vault sealed, standby, rate-limited or unreachable is 503
 * with {@code Retry-After}; Vault too slow is 504. Anything unexpected is a bare 500 whose detail says nothing about
 * the code.
 */
final class ProblemMapper {

    /** What a client should wait before retrying when Vault did not say. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private ProblemMapper() {
    }

    /** The problem for {@code error}, or empty when it is not one this mapper knows (a 500). */
    static Optional<Problem> map(Throwable error) {
        if (error instanceof SpecInvalidException e) {
            return Optional.of(Problem.invalid("the export spec is invalid", e.errors()));
        }
        if (error instanceof BadRequestException e) {
            return Optional.of(Problem.invalid(e.getMessage(), e.errors()));
        }
        if (error instanceof ExportNotFoundException e) {
            return Optional.of(Problem.of(HttpStatus.NOT_FOUND, e.getMessage()));
        }
        if (error instanceof ExportConflictException e) {
            return Optional.of(Problem.of(HttpStatus.CONFLICT, VaultErrors.text(e.getMessage())));
        }
        if (error instanceof RenewalTooSoonException e) {
            return Optional.of(new Problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), List.of(), List.of(), e.retryAfter()));
        }
        if (error instanceof AccessDeniedException e) {
            return Optional.of(Problem.of(HttpStatus.FORBIDDEN, e.getMessage()));
        }
        if (error instanceof BodyTooLargeException e) {
            return Optional.of(BodySizeFilter.tooLarge(e.limit()));
        }
        if (error instanceof NotFoundProblemException e) {
            return Optional.of(Problem.of(HttpStatus.NOT_FOUND, e.getMessage()));
        }
        if (error instanceof MaterialException || error instanceof InvalidMaterialException) {
            return Optional.of(badGateway("Vault answered with certificate material that failed validation: "
                    + VaultErrors.text(error.getMessage()), List.of()));
        }
        return vault(error);
    }

    private static Optional<Problem> vault(Throwable error) {
        // a login failure wraps the cause that matters (Vault sealed, unreachable, slow)
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof VaultTimeoutException) {
                return Optional.of(Problem.of(HttpStatus.GATEWAY_TIMEOUT, "Vault did not answer in time; nothing was changed"));
            }
            if (t instanceof VaultUnavailableException e) {
                String why = e.isSealed() ? "Vault is sealed" : e.isRateLimited() ? "Vault is rate-limiting requests"
                        : "Vault is unavailable";
                return Optional.of(new Problem(HttpStatus.SERVICE_UNAVAILABLE, why + "; nothing was changed", List.of(),
                        VaultErrors.sanitise(e.errors()), e.retryAfter().orElse(DEFAULT_RETRY_AFTER)));
            }
            if (t instanceof VaultConnectionException) {
                return Optional.of(new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Vault cannot be reached; nothing was changed",
                        List.of(), List.of(), DEFAULT_RETRY_AFTER));
            }
        }
        if (error instanceof VaultResponseException e) {
            return Optional.of(badGateway("Vault refused the request (status " + e.status() + " at " + e.path() + ")",
                    VaultErrors.sanitise(e.errors())));
        }
        if (error instanceof VaultResponseFormatException) {
            return Optional.of(badGateway("Vault's answer could not be understood", List.of()));
        }
        if (error instanceof VaultException) {
            return Optional.of(badGateway("the request to Vault failed", List.of()));
        }
        return Optional.empty();
    }

    private static Problem badGateway(String detail, List<String> vaultErrors) {
        return new Problem(HttpStatus.BAD_GATEWAY, detail, List.of(), vaultErrors, null);
    }
}
