package io.vaultpki.exporter.api;

import io.micronaut.http.HttpStatus;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultUnavailableException;
import io.vaultpki.exporter.access.AccessDeniedException;
import io.vaultpki.exporter.export.ExportConflictException;
import io.vaultpki.exporter.export.ExportNotFoundException;
import io.vaultpki.exporter.export.ExporterStartingException;
import io.vaultpki.exporter.export.RenewalTooSoonException;
import io.vaultpki.exporter.export.SpecInvalidException;
import io.vaultpki.exporter.failure.Failures;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides which status and message an exception becomes. A Vault failure is classified once, by
 * the suite's {@link FailureReason} ({@link Failures#reason}), and the status follows the reason alone
 * ({@link #status(FailureReason)}):
 * <ul>
 *   <li>Vault blames the request (400 unknown role, a common name the role does not allow, 404 a mount, serial or
 *       issuer that is not there): <b>422</b> with Vault's sanitised error strings; the client can fix it.</li>
 *   <li>The exporter's own trouble with Vault, which the client cannot fix: its token lacks permission, TLS, a
 *       server error or an answer it cannot use is <b>502</b>; Vault down, sealed, standby or rate-limiting is
 *       <b>503</b> with {@code Retry-After}; Vault too slow is <b>504</b>. The detail says it is the exporter's
 *       problem and names the Vault status and path.</li>
 * </ul>
 * Anything unexpected is a bare 500 whose detail says nothing about the code.
 */
final class ProblemMapper {

    /** What a client should wait before retrying when Vault did not say. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    private static final String UNCHANGED = "; nothing was changed";

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
        if (error instanceof ExporterStartingException e) {
            return Optional.of(new Problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of(), List.of(),
                    Duration.ofSeconds(1)));
        }
        FailureReason reason = Failures.reason(error);
        return reason == FailureReason.INTERNAL ? Optional.empty() : Optional.of(vault(reason, error));
    }

    /** The API status of a Vault failure: a function of its reason alone. */
    static HttpStatus status(FailureReason reason) {
        return switch (reason) {
            case INVALID_REQUEST, NOT_FOUND -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNREACHABLE, SEALED, STANDBY, RATE_LIMITED -> HttpStatus.SERVICE_UNAVAILABLE;
            case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
            case TLS, PERMISSION_DENIED, SERVER_ERROR, PARSE_ERROR -> HttpStatus.BAD_GATEWAY;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    private static Problem vault(FailureReason reason, Throwable error) {
        Optional<VaultResponseException> answer = Failures.vaultAnswer(error);
        List<String> vaultErrors = answer.map(a -> VaultErrors.sanitise(a.errors())).orElse(List.of());
        String where = answer.map(a -> " (Vault " + a.status() + " at " + VaultErrors.text(a.path()) + ")").orElse("");
        HttpStatus status = status(reason);
        if (status == HttpStatus.UNPROCESSABLE_ENTITY) {
            // the client's to fix: say what Vault (or the exporter reading Vault's answer) objected to
            String why = Failures.exportersVerdict(error).map(VaultErrors::text)
                    .orElse(vaultErrors.isEmpty() ? reason.summary() : vaultErrors.get(0));
            return new Problem(status, "Vault refused the request: " + why + where + UNCHANGED, List.of(), vaultErrors, null);
        }
        String detail = exportersProblem(reason, answer, error) + where
                + "; this is the exporter's problem with Vault, not the request's" + UNCHANGED;
        Duration retryAfter = status != HttpStatus.SERVICE_UNAVAILABLE ? null
                : answer.filter(VaultUnavailableException.class::isInstance).map(VaultUnavailableException.class::cast)
                        .flatMap(VaultUnavailableException::retryAfter).orElse(DEFAULT_RETRY_AFTER);
        return new Problem(status, detail, List.of(), vaultErrors, retryAfter);
    }

    private static String exportersProblem(FailureReason reason, Optional<VaultResponseException> answer, Throwable error) {
        return switch (reason) {
            case PERMISSION_DENIED -> answer
                    .map(a -> "the exporter's Vault token is not permitted to " + a.method() + " " + VaultErrors.text(a.path())
                            + " (its policy lacks the path, the token expired or was revoked, or the mount does not exist)")
                    .orElse("the exporter could not log in to Vault");
            case UNREACHABLE -> "the exporter cannot reach Vault";
            case TIMEOUT -> "Vault did not answer the exporter in time";
            case TLS -> "the exporter's TLS connection to Vault failed";
            case SEALED -> "Vault is sealed";
            case STANDBY -> "Vault is a standby without an active node";
            case RATE_LIMITED -> "Vault is rate-limiting the exporter";
            case SERVER_ERROR -> "Vault answered the exporter with a server error";
            case PARSE_ERROR -> Failures.exportersVerdict(error)
                    .map(m -> "Vault answered with certificate material that failed validation: " + VaultErrors.text(m))
                    .orElse("Vault's answer could not be understood");
            default -> reason.summary();
        };
    }
}
