package io.vaultpki.monitor.ui;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.vaultpki.monitor.MonitorSettings;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code monitor.ui.enabled=false}: {@code /} answers 404, the other endpoints stay. */
@MicronautTest
@Property(name = "monitor.refresh.enabled", value = "false")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "monitor.ui.enabled", value = "false")
class StatusPageDisabledTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void withTheUiDisabledTheRootAnswers404AndMetricsStillAnswer() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/"), String.class));

        assertThat(e.code()).isEqualTo(404);
        assertThat(http.toBlocking().exchange(HttpRequest.GET("/metrics"), String.class).code()).isEqualTo(200);
    }

    @Test
    void theUiIsEnabledByDefault() {
        assertThat(MonitorSettings.bound(UiConfiguration.class, Map.of()).on()).isTrue();
    }

    @Test
    void aValueThatIsNotABooleanStopsStartUpNamingTheSetting() {
        assertThat(MonitorSettings.startupLine(Map.of("monitor.ui.enabled", "off")))
                .contains("monitor.ui.enabled must be true or false, was off");
    }
}
