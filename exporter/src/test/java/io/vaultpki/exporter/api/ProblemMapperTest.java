package io.vaultpki.exporter.api;

import io.micronaut.http.HttpStatus;
import io.vaultpki.client.auth.VaultLoginException;
import io.vaultpki.client.http.VaultConnectionException;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultTimeoutException;
import io.vaultpki.exporter.files.InvalidMaterialException;
import io.vaultpki.exporter.material.MaterialException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMapperTest {

    private static Problem map(Throwable t) {
        return ProblemMapper.map(t).orElseThrow();
    }

    @Test
    void unreachableVaultIs503WithRetryAfter() {
        Problem p = map(new VaultConnectionException("GET", "pki/issuers", "http://vault:8200", new ConnectException("refused")));
        assertThat(p.status().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(p.retryAfter()).isEqualTo(ProblemMapper.DEFAULT_RETRY_AFTER);
    }

    @Test
    void vaultTimeoutIs504EvenInsideALoginFailure() {
        VaultTimeoutException timeout = new VaultTimeoutException("GET", "auth/token/lookup-self", Duration.ofSeconds(1), new IOException());
        assertThat(map(timeout).status().getCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT.getCode());
        assertThat(map(new VaultLoginException("token", "token", "timed out", timeout)).status().getCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT.getCode());
    }

    @Test
    void badMaterialIs502() {
        assertThat(map(new MaterialException("pki/issue/web", "key type rsa, expected ec")).status().getCode()).isEqualTo(HttpStatus.BAD_GATEWAY.getCode());
        assertThat(map(new InvalidMaterialException("key does not match certificate")).status().getCode()).isEqualTo(HttpStatus.BAD_GATEWAY.getCode());
    }

    @Test
    void vaultErrorsAreCappedInNumberAndLength() {
        List<String> many = List.of("a".repeat(1000), "b", "c", "d", "e", "f", "g");
        Problem p = map(VaultResponseException.of("POST", "pki/issue/web", 400, many, -1));
        assertThat(p.status().getCode()).isEqualTo(HttpStatus.BAD_GATEWAY.getCode());
        assertThat(p.vaultErrors()).hasSize(VaultErrors.MAX_ERRORS);
        assertThat(p.vaultErrors().get(0)).hasSize(VaultErrors.MAX_LENGTH);
    }

    @Test
    void unknownExceptionsAreNotMapped() {
        assertThat(ProblemMapper.map(new IllegalStateException("boom"))).isEmpty();
    }
}
