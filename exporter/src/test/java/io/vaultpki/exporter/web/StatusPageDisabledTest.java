package io.vaultpki.exporter.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.exporter.ExporterContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code exporter.ui.enabled}: false turns {@code /} into a 404; a value that is not a boolean stops start-up. */
class StatusPageDisabledTest {

    @Test
    void disabledTheRootAnswers404ForBrowsersAndJsonClients(@TempDir Path dir) {
        Map<String, Object> p = new HashMap<>(ExporterContexts.neverContactedVault());
        p.put("exporter.path", dir.toString());
        p.put("exporter.ui.enabled", "false");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p);
             HttpClient client = HttpClient.create(server.getURL())) {
            for (MediaType type : new MediaType[]{MediaType.TEXT_HTML_TYPE, MediaType.APPLICATION_JSON_TYPE}) {
                HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                        () -> client.toBlocking().exchange(HttpRequest.GET("/").accept(type), String.class));
                assertThat(e.getStatus().getCode()).isEqualTo(404);
            }
            HttpClientResponseException icon = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.GET("/favicon.ico"), String.class));
            assertThat(icon.getStatus().getCode()).isEqualTo(404);
            assertThat(client.toBlocking().exchange("/health/liveness").getStatus().getCode()).isEqualTo(200);
        }
    }

    @Test
    void theSwitchDefaultsToOnAndAcceptsOnlyTrueOrFalse() {
        assertThat(ExporterContexts.bound(UiSettings.class, Map.of()).serves()).isTrue();
        assertThat(ExporterContexts.bound(UiSettings.class, Map.of("exporter.ui.enabled", "FALSE")).serves()).isFalse();
        assertThat(ExporterContexts.startupLine(Map.of("exporter.ui.enabled", "flase")))
                .endsWith("exporter.ui.enabled must be true or false, was 'flase'");
    }
}
