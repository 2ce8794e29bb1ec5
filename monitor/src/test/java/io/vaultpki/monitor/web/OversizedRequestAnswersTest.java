package io.vaultpki.monitor.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTP requests with a 20 KB URL and 20 KB of headers: the monitor answers 414 and 431 with a request ID and a
 * message naming the limit, not 413 "Request Entity Too Large", and still answers afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversizedRequestAnswersTest {

    private ApplicationContext running;
    private URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startOneMonitor() {
        running = ApplicationContext.builder().properties(Map.of("vault.address", "http://127.0.0.1:1",
                "vault.token", "hvs.oversized-test", "vault.auth.method", "token", "micronaut.server.port", -1,
                "monitor.refresh.enabled", "false")).start();
        url = URI.create("http://127.0.0.1:" + running.getBean(EmbeddedServer.class).start().getPort());
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(10));
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTwentyKilobyteUrlIs414WithARequestIdNotRequestEntityTooLarge() throws Exception {
        HttpResponse<String> response = get("/api/v1/status?state=" + "s".repeat(20 * 1024), null, null);

        assertThat(response.statusCode()).isEqualTo(414);
        String id = response.headers().firstValue(OversizedRequestAnswers.REQUEST_ID_HEADER).orElseThrow();
        assertThat(response.body()).contains("the request URL is too long", "request ID " + id)
                .doesNotContain("Entity").doesNotContain("body").doesNotContain("s".repeat(100));
        assertThat(get("/health/liveness", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void twentyKilobytesOfHeadersAre431() throws Exception {
        HttpResponse<String> response = get("/metrics", "X-Padding", "h".repeat(20 * 1024));

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.headers().firstValue(OversizedRequestAnswers.REQUEST_ID_HEADER)).isPresent();
        assertThat(response.body()).contains("headers are too large").doesNotContain("h".repeat(100));
    }

    @Test
    void otherErrorsKeepTheFrameworksAnswer() throws Exception {
        HttpResponse<String> response = get("/no-such-page", null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue(OversizedRequestAnswers.REQUEST_ID_HEADER)).isEmpty();
    }
}
