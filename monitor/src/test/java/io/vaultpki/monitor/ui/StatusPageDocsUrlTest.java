package io.vaultpki.monitor.ui;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.vaultpki.monitor.MonitorSettings;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code monitor.ui.docs-url}: the footer's documentation link, or the document's name as text when empty. */
@MicronautTest
@Property(name = "monitor.refresh.enabled", value = "false")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "monitor.ui.docs-url", value = "")
class StatusPageDocsUrlTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void anEmptyDocsUrlNamesTheDocumentAsTextAndLinksNothingOutside() {
        String page = http.toBlocking().retrieve("/");

        assertThat(page).contains("<cite>docs/status-pages.md</cite>");
        assertThat(Page.links(page)).noneMatch(link -> link.startsWith("http"));
    }

    @Test
    void anOwnDocsUrlIsAccepted() {
        assertThat(MonitorSettings.bound(UiConfiguration.class,
                Map.of("monitor.ui.docs-url", "https://wiki.example.com/pki/status-pages")).docsUrl())
                .isEqualTo("https://wiki.example.com/pki/status-pages");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "https://x.example/\" onmouseover=\"alert(1)",
            "https://x.example/<script>", "data:text/html,hi", "//x.example/docs", "https://x.example/a b"})
    void aDocsUrlThatIsNotAPlainHttpUrlStopsStartUpNamingTheSetting(String hostile) {
        assertThat(MonitorSettings.startupLine(Map.of("monitor.ui.docs-url", hostile)))
                .contains("monitor.ui.docs-url must be empty or an http(s) URL");
    }
}
