package io.vaultpki.monitor.health;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The probes over real HTTP, with a Vault address nothing listens on: the monitor is alive but never ready. */
@MicronautTest
@Property(name = "micronaut.server.port", value = "-1") // a random port: 8080 may be taken on a shared machine
class HealthProbesTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void livenessAnswers200WithoutVault() {
        assertThat(http.toBlocking().exchange("/health/liveness").code()).isEqualTo(200);
    }

    @Test
    void readinessAnswers503WithTheReasonInJsonWhileVaultWasNeverReached() {
        var error = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange("/health/readiness", Map.class));

        assertThat(error.code()).isEqualTo(503);
        Map<?, ?> body = error.getResponse().getBody(Map.class).orElseThrow();
        assertThat(body.get("status")).isEqualTo("DOWN");
        Map<?, ?> vault = (Map<?, ?>) ((Map<?, ?>) body.get("details")).get("vault");
        assertThat(vault.get("status")).isEqualTo("DOWN");
        assertThat(((Map<?, ?>) vault.get("details")).get("error")).isNotNull();
        assertThat(error.getResponse().getBody(String.class).orElse("")).doesNotContain("hvs.test-token-never-sent");
    }
}
