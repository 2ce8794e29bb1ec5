package io.vaultpki.exporter.api;

import io.micronaut.http.HttpStatus;
import io.vaultpki.client.auth.VaultLoginException;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultConnectionException;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultResponseFormatException;
import io.vaultpki.client.http.VaultTimeoutException;
import io.vaultpki.client.http.VaultTlsException;
import io.vaultpki.exporter.export.ExporterStartingException;
import io.vaultpki.exporter.failure.Failures;
import io.vaultpki.exporter.files.InvalidMaterialException;
import io.vaultpki.exporter.material.MaterialException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMapperTest {

    private static final String ISSUE = "pki_int/issue/web";

    private static Problem map(Throwable t) {
        return ProblemMapper.map(t).orElseThrow();
    }

    private static VaultResponseException vault(int status, String... errors) {
        return VaultResponseException.of("POST", ISSUE, status, List.of(errors), -1);
    }

    /** Failure × the suite's reason for it × the API status; the status must follow from the reason alone. */
    static Stream<Arguments> failures() {
        VaultConnectionException refused = new VaultConnectionException("POST", ISSUE, "http://vault:8200",
                new ConnectException("refused"));
        VaultTimeoutException slow = new VaultTimeoutException("POST", ISSUE, Duration.ofSeconds(1), new IOException());
        return Stream.of(
                // Vault blames the request: the client can fix it
                row(vault(400, "unknown role: nope"), FailureReason.INVALID_REQUEST, 422),
                row(vault(400, "common name evil.org not allowed by this role"), FailureReason.INVALID_REQUEST, 422),
                row(vault(404, "no handler for route \"nope/issue/web\". route entry not found."), FailureReason.NOT_FOUND, 422),
                row(new MaterialException(FailureReason.NOT_FOUND, "pki_int/cert/01", "certificate 01 not found on mount pki_int", null),
                        FailureReason.NOT_FOUND, 422),
                row(new MaterialException(FailureReason.INVALID_REQUEST, ISSUE, "role web issued ec-256 keys; export requires rsa-2048", null),
                        FailureReason.INVALID_REQUEST, 422),
                row(new MaterialException(FailureReason.NOT_FOUND, "pki/issuer/x", "issuer x not found on mount pki",
                        VaultResponseException.of("GET", "pki/issuer/x", 500, List.of("unable to find PKI issuer for reference: x"), -1)),
                        FailureReason.NOT_FOUND, 422),
                // the exporter's own trouble with Vault
                row(vault(403, "1 error occurred:\n\t* permission denied\n\n"), FailureReason.PERMISSION_DENIED, 502),
                row(new VaultLoginException("token", "token", "no token", null), FailureReason.PERMISSION_DENIED, 502),
                row(vault(500, "internal error"), FailureReason.SERVER_ERROR, 502),
                row(new VaultResponseFormatException(ISSUE, "malformed JSON"), FailureReason.PARSE_ERROR, 502),
                row(new MaterialException(ISSUE, "the private key Vault returned is not valid PEM"), FailureReason.PARSE_ERROR, 502),
                row(new InvalidMaterialException("key does not match certificate"), FailureReason.PARSE_ERROR, 502),
                row(new VaultTlsException("POST", ISSUE, "https://vault:8200", new SSLHandshakeException("untrusted")), FailureReason.TLS, 502),
                row(refused, FailureReason.UNREACHABLE, 503),
                row(new VaultLoginException("approle", "approle", "request failed", refused), FailureReason.UNREACHABLE, 503),
                row(vault(503, "Vault is sealed"), FailureReason.SEALED, 503),
                row(vault(503, "no active Vault instance found"), FailureReason.STANDBY, 503),
                row(vault(429, "rate limit quota exceeded"), FailureReason.RATE_LIMITED, 503),
                row(slow, FailureReason.TIMEOUT, 504),
                row(new VaultLoginException("token", "token", "timed out", slow), FailureReason.TIMEOUT, 504));
    }

    private static Arguments row(Throwable failure, FailureReason reason, int status) {
        return Arguments.of(failure, reason, status);
    }

    @ParameterizedTest(name = "{1} -> {2}: {0}")
    @MethodSource("failures")
    void theProblemStatusFollowsTheFailureReason(Throwable failure, FailureReason reason, int status) {
        assertThat(Failures.reason(failure)).isEqualTo(reason);
        assertThat(ProblemMapper.status(reason).getCode()).isEqualTo(status);
        Problem p = map(failure);
        assertThat(p.status().getCode()).isEqualTo(status);
        if (status >= 500) {
            assertThat(p.detail()).contains("the exporter's problem with Vault, not the request's");
        } else {
            assertThat(p.detail()).startsWith("Vault refused the request: ").doesNotContain("exporter's problem");
        }
        assertThat(p.retryAfter() != null).as("Retry-After").isEqualTo(status == 503);
    }

    @ParameterizedTest
    @EnumSource(FailureReason.class)
    void onlyReasonsThatBlameTheRequestAre4xxAndVaultBeingAwayIs503Or504(FailureReason reason) {
        int status = ProblemMapper.status(reason).getCode();
        boolean blamesRequest = reason == FailureReason.INVALID_REQUEST || reason == FailureReason.NOT_FOUND;
        assertThat(status < 500).isEqualTo(blamesRequest);
        if (reason.vaultUnavailable() && reason != FailureReason.TLS) {
            assertThat(status).isIn(503, 504);
        }
        if (reason == FailureReason.INTERNAL) {
            assertThat(status).isEqualTo(500);
        }
    }

    @Test
    void aRefusedRequestCarriesVaultsReasonInTheDetailAndTheErrors() {
        Problem p = map(vault(400, "common name evil.org not allowed by this role"));
        assertThat(p.detail()).isEqualTo("Vault refused the request: common name evil.org not allowed by this role "
                + "(Vault 400 at pki_int/issue/web); nothing was changed");
        assertThat(p.vaultErrors()).containsExactly("common name evil.org not allowed by this role");
    }

    @Test
    void aDeniedTokenIsNamedAsTheExportersProblemWithVaultsStatusAndPath() {
        Problem p = map(vault(403, "1 error occurred:\n\t* permission denied\n\n"));
        assertThat(p.detail()).startsWith("the exporter's Vault token is not permitted to POST pki_int/issue/web")
                .contains("(Vault 403 at pki_int/issue/web)");
        assertThat(p.vaultErrors()).containsExactly("permission denied");
    }

    @Test
    void rateLimitedKeepsVaultsRetryAfterAndUnreachableUsesTheDefault() {
        assertThat(map(VaultResponseException.of("POST", ISSUE, 429, List.of("rate limit quota exceeded"), 7)).retryAfter())
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(map(new VaultConnectionException("GET", "pki/issuers", "http://vault:8200", new ConnectException("refused")))
                .retryAfter()).isEqualTo(ProblemMapper.DEFAULT_RETRY_AFTER);
    }

    @Test
    void vaultErrorsAreCappedInNumberAndLength() {
        List<String> many = List.of("a".repeat(1000), "b", "c", "d", "e", "f", "g");
        Problem p = map(VaultResponseException.of("POST", ISSUE, 400, many, -1));
        assertThat(p.status().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(p.vaultErrors()).hasSize(VaultErrors.MAX_ERRORS);
        assertThat(p.vaultErrors().get(0)).hasSize(VaultErrors.MAX_LENGTH);
        assertThat(p.detail()).hasSizeLessThan(VaultErrors.MAX_LENGTH + 100);
    }

    @Test
    void aStartingExporterIs503WithRetryAfter() {
        Problem p = map(new ExporterStartingException());
        assertThat(p.status().getCode()).isEqualTo(503);
        assertThat(p.retryAfter().toSeconds()).isPositive();
    }

    @Test
    void unknownExceptionsAreNotMapped() {
        assertThat(ProblemMapper.map(new IllegalStateException("boom"))).isEmpty();
    }
}
