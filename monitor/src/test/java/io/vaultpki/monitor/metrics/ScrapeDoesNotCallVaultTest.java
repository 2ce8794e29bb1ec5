package io.vaultpki.monitor.metrics;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.emulator.demo.DemoVault;
import io.vaultpki.monitor.refresh.PkiRefresher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor against the seeded demo Vault (the emulator): after one real refresh, scrapes and status calls are
 * answered from memory, so the emulator's request log stays empty while they run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScrapeDoesNotCallVaultTest {

    private DemoVault demo;
    private EmbeddedServer server;
    private HttpClient http;

    @BeforeAll
    void start() {
        demo = DemoVault.start();
        Map<String, Object> properties = new HashMap<>(demo.settings());
        properties.put("micronaut.server.port", -1);
        properties.put("monitor.refresh.enabled", "false"); // this test drives the one refresh itself
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        http = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
        server.getApplicationContext().getBean(PkiRefresher.class).refresh();
    }

    @AfterAll
    void stop() {
        http.close();
        server.close();
        demo.close();
    }

    @Test
    void scrapesAndStatusCallsNeverReachVault() {
        assertThat(demo.emulator().requests().all()).as("the refresh is in the request log").isNotEmpty();
        demo.emulator().requests().clear();

        for (int i = 0; i < 3; i++) {
            String text = http.toBlocking().retrieve(HttpRequest.GET("/metrics"));
            assertThat(Scrape.parse(text).family("vault_issuer_validity_seconds")).isNotEmpty();
            http.toBlocking().retrieve(HttpRequest.GET("/metrics").header("Accept", "application/openmetrics-text"));
            http.toBlocking().retrieve("/api/v1/status");
            legacyStatus();
        }

        assertThat(demo.emulator().requests().all()).isEmpty();
    }

    @Test
    void theCompatibilitySeriesCarriesTheConfiguredVaultAddress() {
        Scrape scrape = Scrape.parse(http.toBlocking().retrieve("/metrics"));

        assertThat(scrape.family("vault_issuer_validity_seconds"))
                .allSatisfy(s -> assertThat(s.labels().get("url")).isEqualTo(demo.settings().get("vault.address")))
                .extracting(s -> s.labels().get("engine")).contains("pki/", "pki_int/", "team/a/pki/");
    }

    private void legacyStatus() {
        try {
            http.toBlocking().retrieve("/status");
        } catch (HttpClientResponseException e) {
            // the answer itself is covered elsewhere; here only Vault traffic matters
        }
    }
}
