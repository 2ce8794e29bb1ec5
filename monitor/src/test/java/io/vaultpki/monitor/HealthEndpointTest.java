package io.vaultpki.monitor;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest
@Property(name = "micronaut.server.port", value = "-1") // a random port: 8080 may be taken on a shared machine
class HealthEndpointTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void livenessAnswersOk() {
        assertEquals(HttpStatus.OK, http.toBlocking().exchange("/health/liveness").getStatus());
    }

    @Test
    void managementEndpointsOtherThanHealthAndMetricsAreNotExposed() {
        var error = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange("/beans"));
        assertEquals(HttpStatus.NOT_FOUND, error.getStatus());
    }
}
