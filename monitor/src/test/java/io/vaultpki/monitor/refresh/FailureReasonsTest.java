package io.vaultpki.monitor.refresh;

import io.vaultpki.client.cert.CertificateParseException;
import io.vaultpki.client.http.VaultConnectionException;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultResponseFormatException;
import io.vaultpki.client.http.VaultServerException;
import io.vaultpki.client.http.VaultTimeoutException;
import io.vaultpki.client.http.VaultTlsException;
import io.vaultpki.client.http.VaultUnavailableException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReasonsTest {

    @Test
    void eachClientFailureMapsToItsReasonCode() {
        IOException io = new IOException("refused");
        assertThat(FailureReasons.of(new VaultPermissionDeniedException("GET", "pki/issuer/x", List.of("permission denied"))))
                .isEqualTo(RefreshError.Reason.PERMISSION_DENIED);
        assertThat(FailureReasons.of(new VaultNotFoundException("LIST", "pki/issuers", List.of("no handler"))))
                .isEqualTo(RefreshError.Reason.NOT_FOUND);
        assertThat(FailureReasons.of(new VaultTimeoutException("GET", "sys/health", Duration.ofSeconds(1), io)))
                .isEqualTo(RefreshError.Reason.TIMEOUT);
        assertThat(FailureReasons.of(new VaultConnectionException("GET", "sys/health", "http://v:8200", io)))
                .isEqualTo(RefreshError.Reason.CONNECTION);
        assertThat(FailureReasons.of(new VaultTlsException("GET", "sys/health", "https://v:8200", io)))
                .isEqualTo(RefreshError.Reason.TLS);
        assertThat(FailureReasons.of(new VaultServerException("GET", "pki/issuer/x", 500, List.of("boom"))))
                .isEqualTo(RefreshError.Reason.SERVER_ERROR);
        assertThat(FailureReasons.of(new VaultResponseFormatException("pki/issuers", "not JSON")))
                .isEqualTo(RefreshError.Reason.PARSE_ERROR);
        assertThat(FailureReasons.of(new CertificateParseException("pki/cert/01", "bad PEM")))
                .isEqualTo(RefreshError.Reason.PARSE_ERROR);
    }

    @Test
    void statusCodesDecideForGenericResponseErrors() {
        assertThat(FailureReasons.of(new VaultResponseException("GET", "pki/certs", 429, List.of())))
                .isEqualTo(RefreshError.Reason.RATE_LIMITED);
        assertThat(FailureReasons.of(new VaultResponseException("GET", "pki/certs", 502, List.of())))
                .isEqualTo(RefreshError.Reason.SERVER_ERROR);
        assertThat(FailureReasons.of(new VaultUnavailableException("GET", "pki/certs", 503, List.of("Vault is sealed"), 0)))
                .isEqualTo(RefreshError.Reason.SEALED);
    }

    @Test
    void aWrappedFailureIsClassifiedByItsCause() {
        VaultConnectionException cause = new VaultConnectionException("POST", "auth/approle/login", "http://v:8200",
                new IOException("refused"));
        assertThat(FailureReasons.of(new RuntimeException("login failed", cause)))
                .isEqualTo(RefreshError.Reason.CONNECTION);
    }
}
