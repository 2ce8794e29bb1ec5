package io.vaultpki.client.failure;

import io.vaultpki.client.VaultConfigurationException;
import io.vaultpki.client.auth.VaultLoginException;
import io.vaultpki.client.cert.CertificateParseException;
import io.vaultpki.client.http.VaultConnectionException;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultResponseFormatException;
import io.vaultpki.client.http.VaultTimeoutException;
import io.vaultpki.client.http.VaultTlsException;
import io.vaultpki.client.session.RootTokenRefusedException;
import io.vaultpki.client.session.TokenRenewalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FailureClassifierTest {

    private static final String MULTI_DENIED = "1 error occurred:\n\t* permission denied\n\n";
    private static final String MULTI_INVALID_TOKEN = "2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n";

    /** Status code × Vault's error body → reason, for a response exception built the way the transport builds it. */
    static Stream<Arguments> statusAndBody() {
        return Stream.of(
                Arguments.of(403, List.of(MULTI_DENIED), FailureReason.PERMISSION_DENIED),
                Arguments.of(403, List.of(MULTI_INVALID_TOKEN), FailureReason.PERMISSION_DENIED),
                Arguments.of(401, List.of(), FailureReason.PERMISSION_DENIED),
                Arguments.of(404, List.of(), FailureReason.NOT_FOUND),
                Arguments.of(404, List.of("1 error occurred:\n\t* unsupported path\n\n"), FailureReason.NOT_FOUND),
                Arguments.of(404, List.of("no handler for route \"nope/issuers\". route entry not found."), FailureReason.NOT_FOUND),
                Arguments.of(400, List.of("unknown role: web"), FailureReason.INVALID_REQUEST),
                Arguments.of(400, List.of("common name evil.example.org not allowed by this role"), FailureReason.INVALID_REQUEST),
                Arguments.of(405, List.of("1 error occurred:\n\t* unsupported operation\n\n"), FailureReason.INVALID_REQUEST),
                Arguments.of(413, List.of("http: request body too large"), FailureReason.INVALID_REQUEST),
                Arguments.of(429, List.of("request path \"pki/issue/web\": rate limit quota exceeded"), FailureReason.RATE_LIMITED),
                Arguments.of(503, List.of("Vault is sealed"), FailureReason.SEALED),
                Arguments.of(500, List.of("1 error occurred:\n\t* Vault is sealed\n\n"), FailureReason.SEALED),
                Arguments.of(503, List.of("no active Vault instance found"), FailureReason.STANDBY),
                Arguments.of(503, List.of("node is not active"), FailureReason.STANDBY),
                Arguments.of(503, List.of(), FailureReason.SERVER_ERROR),
                Arguments.of(412, List.of("missing required state"), FailureReason.SERVER_ERROR),
                Arguments.of(500, List.of("1 error occurred:\n\t* unable to find PKI issuer for reference: x\n\n"), FailureReason.SERVER_ERROR),
                Arguments.of(502, List.of("upstream rate limited"), FailureReason.SERVER_ERROR));
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @MethodSource("statusAndBody")
    void statusAndBodyDecideTheReason(int status, List<String> errors, FailureReason expected) {
        VaultResponseException e = VaultResponseException.of("GET", "pki/issuers", status, errors, -1);
        assertThat(FailureClassifier.classify(e)).isEqualTo(expected);
    }

    /** The cause chain: what happened on the wire wins over the exception that wraps it. */
    static Stream<Arguments> causeChains() {
        VaultResponseException denied = VaultResponseException.of("POST", "auth/approle/login", 403, List.of(MULTI_DENIED), -1);
        VaultResponseException revoked = VaultResponseException.of("GET", "auth/token/lookup-self", 403, List.of(MULTI_INVALID_TOKEN), -1);
        VaultResponseException sealed = VaultResponseException.of("PUT", "auth/token/renew-self", 503, List.of("Vault is sealed"), -1);
        VaultConnectionException refused = new VaultConnectionException("GET", "sys/health", "http://127.0.0.1:1",
                new ConnectException("Connection refused"));
        return Stream.of(
                chain(FailureReason.UNREACHABLE, refused),
                chain(FailureReason.UNREACHABLE, new VaultLoginException("approle", "approle", "request failed", refused)),
                chain(FailureReason.UNREACHABLE, new ConnectException("Connection refused")),
                chain(FailureReason.UNREACHABLE, new UncheckedIOException(new UnknownHostException("vault.invalid"))),
                chain(FailureReason.TIMEOUT, new VaultTimeoutException("GET", "pki/issuers", Duration.ofSeconds(5), null)),
                chain(FailureReason.TIMEOUT, new VaultLoginException("jwt", "jwt", "timed out",
                        new VaultTimeoutException("POST", "auth/jwt/login", Duration.ofSeconds(5), null))),
                chain(FailureReason.TIMEOUT, new IOException("wrapped", new HttpConnectTimeoutException("connect timed out"))),
                chain(FailureReason.TLS, new VaultTlsException("GET", "sys/health", "https://vault:8200",
                        new SSLHandshakeException("PKIX path building failed"))),
                chain(FailureReason.TLS, new SSLHandshakeException("no cipher suites in common")),
                chain(FailureReason.SEALED, new TokenRenewalException("acc", "Vault is sealed", sealed)),
                chain(FailureReason.PERMISSION_DENIED, new VaultLoginException("approle", "approle", "permission denied", denied)),
                chain(FailureReason.PERMISSION_DENIED, new TokenRenewalException("acc", "token revoked", revoked)),
                chain(FailureReason.PERMISSION_DENIED, revoked),
                chain(FailureReason.PERMISSION_DENIED, new RootTokenRefusedException("token", "acc")),
                chain(FailureReason.PERMISSION_DENIED, new VaultLoginException("auto", null, "no credentials found", null)),
                chain(FailureReason.PARSE_ERROR, new VaultResponseFormatException("pki/issuers", "malformed JSON")),
                chain(FailureReason.PARSE_ERROR, new CertificateParseException("pki/issuer/x/json", "not a certificate")),
                chain(FailureReason.INTERNAL, new VaultConfigurationException("vault.address", "is not a URL")),
                chain(FailureReason.INTERNAL, new IllegalStateException("bug")),
                chain(FailureReason.INTERNAL, new UncheckedIOException(new IOException("disk full"))));
    }

    private static Arguments chain(FailureReason expected, Throwable failure) {
        return Arguments.of(describe(failure), failure, expected);
    }

    private static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(out.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName());
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("causeChains")
    void theCauseChainDecidesTheReason(String chain, Throwable failure, FailureReason expected) {
        assertThat(FailureClassifier.classify(failure)).isEqualTo(expected);
    }

    @Test
    void aSelfCausedExceptionDoesNotLoop() {
        Throwable odd = new RuntimeException("odd") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertThat(FailureClassifier.classify(odd)).isEqualTo(FailureReason.INTERNAL);
    }

    @Test
    void onlyNoAnswerSealedAndStandbyMeanVaultIsUnavailable() {
        assertThat(Arrays.stream(FailureReason.values()).filter(FailureReason::vaultUnavailable))
                .containsExactly(FailureReason.UNREACHABLE, FailureReason.TIMEOUT, FailureReason.TLS,
                        FailureReason.SEALED, FailureReason.STANDBY);
    }

    @Test
    void labelsAreSnakeCaseAndRoundTrip() {
        for (FailureReason reason : FailureReason.values()) {
            assertThat(reason.label()).matches("[a-z]+(_[a-z]+)*");
            assertThat(FailureReason.ofLabel(reason.label())).isSameAs(reason);
        }
    }
}
