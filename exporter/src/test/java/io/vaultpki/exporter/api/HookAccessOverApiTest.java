package io.vaultpki.exporter.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.exporter.DirectorySnapshot;
import io.vaultpki.exporter.EmulatedVault;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.vaultpki.exporter.api.CertificatesApiTest.assertProblem;
import static io.vaultpki.exporter.api.CertificatesApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 10 §1 over real HTTP, the real export operations and files, against the Vault emulator: hooks are the operator's
 * configuration ({@code exporter.hooks.reload}); an API body may only name one, and only when the token's write
 * policy lists it. A command in a body is a 400 that persists, writes and runs nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HookAccessOverApiTest implements TestPropertyProvider {

    private static final String BASE = "/api/v1/certificates";
    /** Write + read, narrowed to one mount, role and domain, and no hook: the attacker of the issue. */
    private static final String RESTRICTED = "restricted-token-0123456789abcdef";
    /** write + read with the same narrowing, whose policy lists the hook reload and the pattern re* (reload, and names not configured). */
    private static final String RELOADER = "reloader-token-0123456789abcdef";

    private EmulatedVault fixture;
    private Path root;
    private Path scratch;
    private Path hookLog;
    private Path pwned;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        fixture = EmulatedVault.start("hook-access");
        root = fixture.exportRoot();
        try {
            scratch = Files.createTempDirectory("hook-access-scratch");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hookLog = scratch.resolve("reload.log");
        pwned = scratch.resolve("pwned");
        Map<String, String> p = fixture.properties();
        // indexed list properties, as a deployment without YAML would set them
        p.put("exporter.hooks.reload.command[0]", "sh");
        p.put("exporter.hooks.reload.command[1]", "-c");
        p.put("exporter.hooks.reload.command[2]", "echo \"$EXPORT_HOOK $EXPORT_NAME $EXPORT_SERIAL\" >> '" + hookLog + "'");
        p.put("exporter.hooks.reload.timeout", "20s");
        policy(p, 0, "restricted", RESTRICTED, null);
        policy(p, 1, "reloader", RELOADER, "reload,re*");
        return p;
    }

    private static void policy(Map<String, String> p, int i, String name, String token, String hooks) {
        String at = "exporter.api.tokens[" + i + "]";
        p.put(at + ".name", name);
        p.put(at + ".sha256", ApiTestTokens.sha256(token));
        p.put(at + ".scopes", "read,write");
        p.put(at + ".policy.sources", "issue");
        p.put(at + ".policy.mounts", "pki_int");
        p.put(at + ".policy.roles", "web");
        p.put(at + ".policy.common-names", "*.example.com");
        if (hooks != null) {
            p.put(at + ".policy.hooks", hooks);
        }
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private static String body(String name, String extra) {
        return "{\"name\":\"" + name + "\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\",\"common_name\":\""
                + name + ".example.com\",\"ttl\":\"24h\"" + extra + "}";
    }

    private HttpClientResponseException error(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));
    }

    private String touch() {
        return "[\"sh\",\"-c\",\"touch '" + pwned + "'\"]";
    }

    private List<Map<String, Object>> audit() throws IOException {
        Path log = root.resolve(".state/audit.log");
        return Files.exists(log) ? Files.readAllLines(log).stream().map(CertificatesApiTest::json).toList() : List.of();
    }

    private void assertNothingHappenedFor(String name, Map<String, String> before) throws IOException {
        assertThat(snapshotWithoutAudit()).as("export root").isEqualTo(before);
        assertThat(root.resolve(name)).doesNotExist();
        assertThat(root.resolve(".state/specs/" + name + ".json")).doesNotExist();
        assertThat(pwned).as("the command was never run").doesNotExist();
        assertThat(audit()).noneMatch(e -> "hook.run".equals(e.get("event")) && name.equals(e.get("export")));
    }

    private Map<String, String> snapshotWithoutAudit() {
        Map<String, String> s = new java.util.TreeMap<>(DirectorySnapshot.of(root));
        s.keySet().removeIf(k -> k.startsWith(".state/audit.log"));
        return s;
    }

    @Test
    void aPolicyRestrictedWriteTokenSendingAnInlineHookCommandGets400AndNothingIsPersistedOrRun() throws IOException {
        Map<String, String> before = snapshotWithoutAudit();

        HttpClientResponseException e = error(HttpRequest.POST(BASE, body("inline",
                ",\"hook\":{\"command\":" + touch() + "}")).bearerAuth(RESTRICTED));

        Map<String, Object> problem = assertProblem(e, 400);
        assertThat(problem.get("errors").toString()).contains("hook.command").contains("exporter.hooks");
        assertNothingHappenedFor("inline", before);
    }

    @Test
    void aCommandAtTheTopLevelOrNestedIs400NamingTheFieldEvenForATokenThatMayNameHooks() throws IOException {
        Map<String, String> before = snapshotWithoutAudit();

        Map<String, Object> top = assertProblem(error(HttpRequest.POST(BASE, body("top", ",\"command\":" + touch()))
                .bearerAuth(RELOADER)), 400);
        Map<String, Object> nested = assertProblem(error(HttpRequest.POST(BASE, body("nested",
                ",\"hook\":{\"name\":\"reload\",\"command\":" + touch() + "}")).bearerAuth(RELOADER)), 400);
        Map<String, Object> deep = assertProblem(error(HttpRequest.POST(BASE, body("deep",
                ",\"alt_names\":[{\"x\":{\"command\":" + touch() + "}}]")).bearerAuth(RELOADER)), 400);

        assertThat(top.get("errors").toString()).contains("field=command,");
        assertThat(nested.get("errors").toString()).contains("field=hook.command,");
        assertThat(deep.get("errors").toString()).contains("field=alt_names[0].x.command,");
        assertNothingHappenedFor("top", before);
        assertNothingHappenedFor("nested", before);
        assertNothingHappenedFor("deep", before);
    }

    @Test
    void aPutWithAnInlineCommandIs400AndLeavesTheExportAsItWas() throws IOException {
        http.toBlocking().exchange(HttpRequest.POST(BASE, body("steady", "")).bearerAuth(RESTRICTED), String.class);
        Map<String, String> before = snapshotWithoutAudit();

        assertProblem(error(HttpRequest.PUT(BASE + "/steady", body("steady", ",\"hook\":{\"command\":" + touch() + "}"))
                .bearerAuth(RESTRICTED)), 400);

        assertThat(snapshotWithoutAudit()).isEqualTo(before);
        assertThat(pwned).doesNotExist();
    }

    @Test
    void aTokenWhosePolicyListsNoHookGets403NamingThePolicyAndNothingIsIssued() throws IOException {
        Map<String, String> before = snapshotWithoutAudit();
        long issued = fixture.emulator().requests().count("POST", "pki_int/issue/.*");

        Map<String, Object> problem = assertProblem(error(HttpRequest.POST(BASE, body("named", ",\"hook\":\"reload\""))
                .bearerAuth(RESTRICTED)), 403);

        assertThat(problem.get("detail").toString()).contains("hook 'reload'").contains("policy.hooks");
        assertThat(fixture.emulator().requests().count("POST", "pki_int/issue/.*")).isEqualTo(issued);
        assertNothingHappenedFor("named", before);
    }

    @Test
    void aHookThePolicyListsButTheOperatorDidNotConfigureIs400() throws IOException {
        Map<String, String> before = snapshotWithoutAudit();

        // a literal policy entry must name a configured hook (start-up checks it); a pattern can still match others
        Map<String, Object> problem = assertProblem(error(HttpRequest.POST(BASE, body("ghosted", ",\"hook\":\"restart\""))
                .bearerAuth(RELOADER)), 400);

        assertThat(problem.get("errors").toString()).contains("field=hook,").contains("restart");
        assertNothingHappenedFor("ghosted", before);
    }

    @Test
    void aTokenWhosePolicyListsTheHookCreatesTheExportAndTheHookRunsAfterTheSwitchAudited() throws IOException {
        HttpResponse<String> created = http.toBlocking().exchange(HttpRequest.POST(BASE, body("hooked",
                ",\"hook\":\"reload\"")).bearerAuth(RELOADER), String.class);

        assertThat(created.getStatus().getCode()).isEqualTo(201);
        Map<String, Object> export = json(created);
        assertThat(export.get("hook")).isEqualTo("reload");
        assertThat(export.get("legacy_hook_ignored")).isEqualTo(false);
        assertThat(created.body()).doesNotContain("EXPORT_HOOK").doesNotContain("echo");
        String serial = (String) export.get("serial");
        assertThat(Files.readAllLines(hookLog)).contains("reload hooked " + serial);
        assertThat(audit()).anySatisfy(e -> {
            assertThat(e.get("event")).isEqualTo("hook.run");
            assertThat(e.get("export")).isEqualTo("hooked");
            assertThat(e.get("hook")).isEqualTo("reload");
            assertThat(e.get("exit_code")).isEqualTo(0);
            assertThat(e.get("outcome")).isEqualTo("success");
            assertThat(e.get("serial")).isEqualTo(serial);
            assertThat(e).containsKey("duration_ms");
            assertThat(e.get("actor")).isEqualTo(Map.of("type", "token", "name", "reloader"));
        });
        assertThat(json(http.toBlocking().exchange(HttpRequest.GET(BASE + "/hooked").bearerAuth(RESTRICTED), String.class))
                .get("hook")).isEqualTo("reload");
        assertThat(http.toBlocking().retrieve("/metrics"))
                .contains("vault_pki_exporter_hook_runs_total{export=\"hooked\",hook=\"reload\",outcome=\"success\"} 1.0");
        assertThat(root.resolve(".state/specs/hooked.json")).content().contains("\"hook\" : \"reload\"")
                .doesNotContain("command");
    }

    @Test
    void aTokenWithoutTheHookInItsPolicyCannotChangeOrRemoveAnExportThatUsesIt() {
        http.toBlocking().exchange(HttpRequest.POST(BASE, body("guarded", ",\"hook\":\"reload\"")).bearerAuth(RELOADER),
                String.class);

        assertProblem(error(HttpRequest.PUT(BASE + "/guarded", body("guarded", "")).bearerAuth(RESTRICTED)), 403);
        assertProblem(error(HttpRequest.DELETE(BASE + "/guarded").bearerAuth(RESTRICTED)), 403);
        assertThat(root.resolve(".state/specs/guarded.json")).exists();
    }
}
