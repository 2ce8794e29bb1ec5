package io.vaultpki.monitor.health;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.emulator.demo.DemoVault;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole monitor against the seeded demo Vault: the background refresh makes the readiness probe answer 200. */
class ReadinessWithDemoVaultTest {

    @Test
    void becomesReadyOnceTheBackgroundRefreshHasReachedVault() throws Exception {
        try (DemoVault demo = DemoVault.start();
             ApplicationContext app = ApplicationContext.run(properties(demo))) {
            EmbeddedServer server = app.getBean(EmbeddedServer.class).start();
            URI readiness = server.getURI().resolve("/health/readiness");

            awaitFirstSuccessfulRefresh(app.getBean(SnapshotHolder.class), Duration.ofSeconds(30));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(readiness).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"").contains("lastSuccess")
                    .doesNotContain("\"error\"");
        }
    }

    private static Map<String, Object> properties(DemoVault demo) {
        Map<String, Object> properties = new HashMap<>(demo.settings());
        properties.put("micronaut.server.port", -1);
        // the default request rate limit is meant for a production Vault, not for a test's first refresh
        properties.put("monitor.refresh.max-requests-per-second", 1000);
        return properties;
    }

    private static void awaitFirstSuccessfulRefresh(SnapshotHolder snapshots, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (snapshots.current().lastSuccess().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no successful refresh within " + timeout);
            }
            Thread.onSpinWait();
        }
    }
}
