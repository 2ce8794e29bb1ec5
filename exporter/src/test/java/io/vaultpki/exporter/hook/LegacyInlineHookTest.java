package io.vaultpki.exporter.hook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.exporter.EmulatedVault;
import io.vaultpki.exporter.api.ApiTestTokens;
import io.vaultpki.testkit.CapturedLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export directory written by an older version, whose {@code .state/specs/*.json} still carries an inline
 * {@code hook: {command, timeout}} — possibly planted through the API by any {@code write} token. After the upgrade
 * the export and its files stay and keep renewing, the command never runs, start-up warns once per such export, and
 * the API and the metrics say so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyInlineHookTest {

    private static final String OPERATOR = "operator-token-legacy-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmulatedVault fixture;
    private Path root;
    private Path marker;
    private final Map<String, String> serialsBefore = new java.util.HashMap<>();
    private final Map<String, String> specFilesBefore = new java.util.HashMap<>();
    private CapturedLog log;
    private ApplicationContext upgraded;
    private BlockingHttpClient http;
    private Map<?, ?> rightAfterTheUpgrade;

    /**
     * The exact shape the previous SpecCodec wrote (Jackson, indented): every field, {@code ttl} in seconds, the
     * formats in enum order, and the inline hook object whose command would create {@code marker}.
     */
    private String oldSpec(String name) {
        return """
                {
                  "name" : "%s",
                  "source" : "issue",
                  "mount" : "pki_int",
                  "role" : "web",
                  "common_name" : "%s.example.com",
                  "alt_names" : [ ],
                  "ip_sans" : [ ],
                  "uri_sans" : [ ],
                  "ttl" : "86400s",
                  "formats" : [ "pem", "fullchain", "der" ],
                  "naming" : "default",
                  "hook" : {
                    "command" : [ "sh", "-c", "touch '%s'; echo planted-secret-argument" ],
                    "timeout" : "30s"
                  }
                }""".formatted(name, name, marker);
    }

    private Map<String, String> properties() {
        Map<String, String> p = fixture.properties();
        p.put("micronaut.server.port", "-1");
        p.put("exporter.api.tokens[0].name", "operator");
        p.put("exporter.api.tokens[0].sha256", ApiTestTokens.sha256(OPERATOR));
        p.put("exporter.api.tokens[0].scopes", "read,write");
        p.put("exporter.api.tokens[0].policy.hooks", "reload");
        // the hook the token may name exists in both versions; only the old one let a body carry a command
        p.put("exporter.hooks.reload.command", "true");
        return p;
    }

    @BeforeAll
    void upgradeAnExportDirectoryWrittenByTheOldVersion() throws IOException {
        fixture = EmulatedVault.start("legacy-hook");
        root = fixture.exportRoot();
        marker = Files.createTempDirectory("legacy-hook-marker").resolve("pwned");
        // 1. the "old version": two exports created through the API, files on disk
        try (ApplicationContext old = ApplicationContext.builder().properties(Map.copyOf(properties())).start()) {
            EmbeddedServer server = old.getBean(EmbeddedServer.class).start();
            try (HttpClient client = HttpClient.create(server.getURL())) {
                for (String name : List.of("legacy", "legacy-put")) {
                    String body = "{\"name\":\"" + name + "\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\","
                            + "\"common_name\":\"" + name + ".example.com\",\"ttl\":\"24h\"}";
                    Map<?, ?> created = JSON.readValue(client.toBlocking().retrieve(HttpRequest.POST("/api/v1/certificates", body)
                            .bearerAuth(OPERATOR)), Map.class);
                    serialsBefore.put(name, (String) created.get("serial"));
                }
            }
        }
        // 2. what the old version persisted for a body with "hook": {"command": [...]}
        for (String name : List.of("legacy", "legacy-put")) {
            Path spec = root.resolve(".state/specs/" + name + ".json");
            Files.writeString(spec, oldSpec(name));
            specFilesBefore.put(name, Files.readString(spec));
        }
        // 3. the upgrade: the new version with the same configuration; renewals are allowed right away
        log = new CapturedLog();
        Map<String, String> p = properties();
        p.put("exporter.renewal.min-issuance-interval", "1ms");
        upgraded = ApplicationContext.builder().properties(Map.copyOf(p)).start();
        EmbeddedServer server = upgraded.getBean(EmbeddedServer.class).start();
        http = HttpClient.create(server.getURL()).toBlocking();
        rightAfterTheUpgrade = get("legacy");
    }

    @AfterAll
    void stop() {
        if (upgraded != null) {
            upgraded.close();
        }
        if (log != null) {
            log.close();
        }
        fixture.close();
    }

    private Map<?, ?> get(String name) throws IOException {
        return JSON.readValue(http.retrieve(HttpRequest.GET("/api/v1/certificates/" + name).bearerAuth(OPERATOR)), Map.class);
    }

    private List<Map<?, ?>> audit() throws IOException {
        List<Map<?, ?>> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(root.resolve(".state/audit.log"))) {
            out.add(JSON.readValue(line, Map.class));
        }
        return out;
    }

    @Test
    void theOldExportIsLoadedWithItsFilesAndWithoutAReissue() {
        Map<?, ?> export = rightAfterTheUpgrade;

        assertThat(export.get("serial")).isEqualTo(serialsBefore.get("legacy"));
        assertThat(export.get("origin")).isEqualTo("api");
        assertThat(root.resolve("legacy/cert.pem")).isRegularFile();
        assertThat(root.resolve("legacy/key.pem")).isRegularFile();
    }

    @Test
    void theStatusShowsTheIgnoredLegacyCommandAndNoHookName() throws IOException {
        Map<?, ?> export = get("legacy");

        assertThat(export.get("hook")).isNull();
        assertThat(export.get("legacy_hook_ignored")).isEqualTo(true);
        assertThat(JSON.writeValueAsString(export)).doesNotContain("touch").doesNotContain("planted");
    }

    @Test
    void theMetricShowsTheIgnoredLegacyCommandPerExport() {
        String metrics = http.retrieve("/metrics");

        assertThat(metrics).contains("vault_pki_exporter_legacy_hook_ignored{export=\"legacy\"} 1.0");
    }

    @Test
    void startUpLogsOneWarningPerExportNamingItButNotTheCommandsArguments() {
        List<String> warnings = log.lines().stream().filter(l -> l.contains("inline hook command")).toList();

        assertThat(warnings).filteredOn(l -> l.contains("'legacy'")).hasSize(1);
        assertThat(warnings).filteredOn(l -> l.contains("'legacy-put'")).hasSize(1);
        assertThat(warnings).allSatisfy(l -> assertThat(l).contains("IGNORED").contains("'sh' with 2 arguments")
                .contains("exporter.hooks").doesNotContain("touch").doesNotContain("planted-secret-argument"));
    }

    @Test
    void aRenewalSwitchesTheFilesAndTheCommandStillNeverRuns() throws IOException {
        String certBefore = Files.readString(root.resolve("legacy/cert.pem"));

        Map<?, ?> renewed = JSON.readValue(http.retrieve(HttpRequest.POST("/api/v1/certificates/legacy/renew", "")
                .bearerAuth(OPERATOR)), Map.class);

        assertThat(renewed.get("serial")).isNotEqualTo(serialsBefore.get("legacy"));
        assertThat(renewed.get("last_outcome")).isEqualTo("success");
        assertThat(Files.readString(root.resolve("legacy/cert.pem"))).isNotEqualTo(certBefore);
        assertThat(marker).as("the legacy command's marker").doesNotExist();
        assertThat(audit()).noneMatch(e -> "hook.run".equals(e.get("event")) && "legacy".equals(e.get("export")));
        assertThat(audit()).anyMatch(e -> "file.switch".equals(e.get("event")) && "legacy".equals(e.get("export")));
    }

    @Test
    void theSpecFileIsLeftAsItWasForTheOperatorToInspect() throws IOException {
        assertThat(Files.readString(root.resolve(".state/specs/legacy.json"))).isEqualTo(specFilesBefore.get("legacy"));
    }

    @Test
    void aPutNamingAConfiguredHookReplacesTheLegacyCommandForGood() throws IOException {
        String body = "{\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\",\"common_name\":\"legacy-put.example.com\","
                + "\"ttl\":\"24h\",\"hook\":\"reload\"}";

        Map<?, ?> updated = JSON.readValue(http.retrieve(HttpRequest.PUT("/api/v1/certificates/legacy-put", body)
                .bearerAuth(OPERATOR)), Map.class);

        assertThat(updated.get("hook")).isEqualTo("reload");
        assertThat(updated.get("legacy_hook_ignored")).isEqualTo(false);
        assertThat(Files.readString(root.resolve(".state/specs/legacy-put.json"))).doesNotContain("command")
                .contains("\"hook\" : \"reload\"");
        assertThat(http.retrieve("/metrics")).contains("vault_pki_exporter_legacy_hook_ignored{export=\"legacy-put\"} 0.0");
        assertThat(marker).doesNotExist();
        assertThat(audit()).anySatisfy(e -> {
            assertThat(e.get("event")).isEqualTo("hook.run");
            assertThat(e.get("export")).isEqualTo("legacy-put");
            assertThat(e.get("hook")).isEqualTo("reload");
            assertThat(e.get("exit_code")).isEqualTo(0);
        });
    }
}
