package io.vaultpki.exporter.access;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Secure by default: without configured tokens the API does not exist, while health and metrics still answer. */
@MicronautTest
@Property(name = "exporter.audit.path", value = "target/no-tokens-test/audit.log")
class NoTokensConfiguredTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void apiAnswers404ForEverythingWithoutTokens() {
        for (HttpRequest<?> request : new HttpRequest<?>[]{HttpRequest.GET("/api/v1/certificates"),
                HttpRequest.GET("/api/v1/issuers").bearerAuth("anything-at-all-123456"),
                HttpRequest.POST("/api/v1/certificates", "{}"), HttpRequest.DELETE("/api/v1/certificates/web")}) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(request, String.class));
            assertThat(e.getStatus().getCode()).as(request.getPath()).isEqualTo(404);
            assertThat(e.getResponse().getContentType().orElseThrow().toString()).startsWith("application/problem+json");
        }
    }

    @Test
    void healthAndMetricsStillAnswer() {
        assertThat(http.toBlocking().exchange("/health").getStatus().getCode()).isEqualTo(200);
        assertThat(http.toBlocking().retrieve("/metrics")).isNotBlank();
    }

    @Test
    void badTokenSettingStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                    "exporter.api.tokens[0].name", "a",
                    "exporter.api.tokens[0].sha256", "0".repeat(64),
                    "exporter.api.tokens[0].scopes", "read,admin"), "test")) {
                ctx.getBean(ApiTokens.class);
            }
        }).hasStackTraceContaining("exporter.api.tokens[0].scopes: unknown scope 'admin'");
    }
}
