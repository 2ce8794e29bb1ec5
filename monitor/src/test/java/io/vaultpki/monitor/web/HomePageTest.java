package io.vaultpki.monitor.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 §6: {@code /} answers 200 like the Python exporter did, with a page naming the app and its endpoints. */
@MicronautTest
@Property(name = "monitor.refresh.enabled", value = "false")
@Property(name = "micronaut.server.port", value = "-1")
class HomePageTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void theRootAnswers200WithAPageNamingTheAppAndLinkingItsEndpoints() {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/"), String.class);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.getContentType()).hasValueSatisfying(
                type -> assertThat(type.getName()).isEqualTo(MediaType.TEXT_HTML));
        assertThat(response.body()).contains("<title>vault-pki-monitor</title>");
        assertThat(links(response.body())).containsExactly("metrics", "status", "api/v1/status", "health");
    }

    @Test
    void everyLinkOfThePageResolvesAgainstTheRootToAnEndpointThatAnswers() {
        String page = http.toBlocking().retrieve("/");

        for (String link : links(page)) {
            // /status and /health answer 500/503 before the first refresh: any answer but 404 proves the route
            int code;
            try {
                code = http.toBlocking().exchange(HttpRequest.GET("/" + link), String.class).code();
            } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
                code = e.code();
            }
            assertThat(code).as("/%s", link).isNotEqualTo(404);
        }
    }

    @Test
    void thePageHoldsNoVaultAddressOrToken() {
        String page = http.toBlocking().retrieve("/");

        // application-test.yml's Vault address and token
        assertThat(page).doesNotContain("127.0.0.1").doesNotContain("hvs.");
    }

    private static List<String> links(String html) {
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
