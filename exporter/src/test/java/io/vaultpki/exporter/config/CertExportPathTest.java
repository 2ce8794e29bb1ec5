package io.vaultpki.exporter.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.exporter.Application;
import io.vaultpki.exporter.EmulatedVault;
import io.vaultpki.exporter.ExporterContexts;
import io.vaultpki.exporter.api.ApiTestTokens;
import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.export.ExportService;
import io.vaultpki.exporter.export.ExporterStartingException;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import io.vaultpki.testkit.Await;
import io.vaultpki.testkit.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code CERT_EXPORT_PATH}, the Nomad job's variable, moves the whole export root: the exports, and the exporter's own
 * audit log, persisted specs and locks under {@code .state/} (it once left the audit log at
 * {@code /exported-certs/.state/audit.log}). Once through the alias table in a context, once with the real variable
 * in a child JVM.
 */
class CertExportPathTest {

    private static final Path PRODUCTION_DEFAULT = Path.of("/exported-certs");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String OPERATOR = "cert-export-path-operator-token-0123";

    @TempDir
    Path root;

    @Test
    void theAuditLogSpecsAndLocksFollowTheVariableInAContext() {
        assumeFalse(Files.exists(PRODUCTION_DEFAULT), "this machine has a " + PRODUCTION_DEFAULT);
        try (EmulatedVault vault = EmulatedVault.start("cert-export-path")) {
            Map<String, String> p = vault.properties();
            p.remove("exporter.path");
            p.put("exporter.exports.ca.source", "issuer");
            p.put("exporter.exports.ca.mount", "pki");
            PropertySource variables = new ExporterEnvironmentAliases().propertySource(Map.of("CERT_EXPORT_PATH", root.toString()));
            try (ApplicationContext context = ExporterContexts.start(p, variables)) {
                context.getBean(EmbeddedServer.class).start();
                ExportService exports = context.getBean(ExportService.class);
                Await.until("the exports are loaded", TIMEOUT, () -> started(exports));

                exports.create(ExportSpec.builder("shop", Source.ISSUE).mount("pki_int").role("web")
                        .commonName("shop.example.com").build(), Actor.SYSTEM);
                Await.until("the configured export is written", TIMEOUT, () -> Files.exists(root.resolve("ca/cert.pem")));
            }
        }
        assertUnderTheRoot();
    }

    @Test
    void theAuditLogSpecsAndLocksFollowTheRealVariableInTheApplication() throws Exception {
        try (EmulatedVault vault = EmulatedVault.start("cert-export-path-child")) {
            Path config = Files.writeString(Files.createTempFile("cert-export-path", ".yml"), """
                    exporter:
                      exports:
                        ca:
                          source: issuer
                          mount: pki
                      api:
                        tokens:
                          - name: operator
                            sha256: %s
                            scopes: [read, write]
                    """.formatted(ApiTestTokens.sha256(OPERATOR)));
            int port = freePort();
            Map<String, String> env = Map.of("HOME", root.toString(), "CERT_EXPORT_PATH", root.toString(),
                    "VAULT_ADDR", vault.emulator().url().toString(), "VAULT_TOKEN", vault.emulator().rootToken(),
                    "VAULT_ALLOW_ROOT_TOKEN", "true", "EXPORTER_PORT", String.valueOf(port),
                    "MICRONAUT_CONFIG_FILES", config.toString());
            try (ChildJvm exporter = ChildJvm.start(Application.class, List.of(), env)) {
                exporter.awaitOutput("Managing 1 export(s) under " + root, TIMEOUT);

                HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/certificates"))
                        .header("Authorization", "Bearer " + OPERATOR).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"shop\",\"source\":\"issue\","
                                + "\"mount\":\"pki_int\",\"role\":\"web\",\"common_name\":\"shop.example.com\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                Await.until("the configured export is written", TIMEOUT, () -> Files.exists(root.resolve("ca/cert.pem")));
                exporter.stop(TIMEOUT);
            } finally {
                Files.delete(config);
            }
        }
        assertUnderTheRoot();
    }

    private void assertUnderTheRoot() {
        assertThat(root.resolve("ca/cert.pem")).isRegularFile();
        assertThat(root.resolve("shop/cert.pem")).isRegularFile();
        assertThat(root.resolve(".state/specs/shop.json")).isRegularFile();
        assertThat(root.resolve(".state/locks/ca.lock")).isRegularFile();
        assertThat(root.resolve(".state/locks/shop.lock")).isRegularFile();
        assertThat(root.resolve(".state/audit.log")).isRegularFile().content()
                .contains("\"event\":\"file.switch\"", "\"export\":\"ca\"", "\"event\":\"export.created\"");
        assertThat(PRODUCTION_DEFAULT).as("the default export root is never touched").doesNotExist();
    }

    private static boolean started(ExportService exports) {
        try {
            exports.list();
            return true;
        } catch (ExporterStartingException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
