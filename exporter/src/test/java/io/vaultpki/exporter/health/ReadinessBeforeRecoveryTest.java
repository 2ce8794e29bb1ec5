package io.vaultpki.exporter.health;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.exporter.EmulatedVault;
import io.vaultpki.exporter.export.ExportService;
import io.vaultpki.exporter.export.ExporterStartingException;
import io.vaultpki.testkit.Await;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The started application context before and after its HTTP server binds: before, the exporter has touched neither
 * the export root nor Vault, readiness is DOWN ("starting") and the API's service answers 503; once the server has
 * started, the export directory is recovered, the exports are written and readiness comes UP.
 */
class ReadinessBeforeRecoveryTest {

    @Test
    void readinessIsDownAndNothingIsTouchedUntilTheServerHasBound() throws Exception {
        try (EmulatedVault vault = EmulatedVault.start("readiness-before-recovery")) {
            Map<String, Object> p = new HashMap<>(vault.properties());
            p.put("micronaut.server.port", -1);
            p.put("exporter.exports.root-ca.source", "issuer");
            p.put("exporter.exports.root-ca.mount", "pki");
            try (ApplicationContext context = ApplicationContext.builder().properties(p).start()) {
                ExportsReadinessIndicator readiness = context.getBean(ExportsReadinessIndicator.class);
                ExportService manager = context.getBean(ExportService.class);

                assertThat(readiness.check().getStatus()).isEqualTo(HealthStatus.DOWN);
                assertThat(readiness.check().getDetails()).asString().contains("starting");
                assertThatThrownBy(manager::list).isInstanceOf(ExporterStartingException.class);
                try (Stream<java.nio.file.Path> written = Files.list(vault.exportRoot())) {
                    assertThat(written).as("entries under the export root before the bind").isEmpty();
                }
                assertThat(vault.emulator().requests().all()).as("Vault requests before the bind").isEmpty();

                context.getBean(EmbeddedServer.class).start();

                Await.until("readiness UP", Duration.ofSeconds(20),
                        () -> readiness.check().getStatus().equals(HealthStatus.UP));
                assertThat(manager.list()).hasSize(1);
                Await.until("root-ca written", Duration.ofSeconds(20),
                        () -> Files.exists(vault.exportRoot().resolve("root-ca/cert.pem")));
            }
        }
    }
}
