package io.vaultpki.exporter.api;

import io.micronaut.http.HttpRequest;
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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

import static io.vaultpki.exporter.api.CertificatesApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a {@code write} token can reach on disk and in Vault beyond its policy, tried the way an attacker would: an
 * export named after a directory the operator keeps under the export root (the audit log's), a plain file or a
 * symlink there, and an issuer the policy does not list. Each is refused before Vault is asked, and the operator's
 * files survive, purge included.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteTokenReachTest implements TestPropertyProvider {

    private static final String BASE = "/api/v1/certificates";
    private static final String WRITER = "writer-token-reach-0123456789abcdef";
    private static final String PINNED = "pinned-token-reach-0123456789abcdef";

    private EmulatedVault fixture;
    private Path root;
    private Path outside;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        fixture = EmulatedVault.start("write-reach");
        root = fixture.exportRoot();
        try {
            outside = Files.createTempDirectory("write-reach-outside");
            Files.writeString(outside.resolve("precious.txt"), "keep");
            Files.createDirectories(root.resolve("shared"));
            Files.writeString(root.resolve("shared/notes.txt"), "the operator's");
            Files.writeString(root.resolve("notes.txt"), "a file at the root");
            Files.createSymbolicLink(root.resolve("elsewhere"), outside);
            Files.createDirectories(root.resolve("empty"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> p = fixture.properties();
        // the operator keeps the audit log under the export root, in a directory of its own
        p.put("exporter.audit.path", root.resolve("audit/audit.log").toString());
        token(p, 0, "writer", WRITER, null);
        token(p, 1, "pinned", PINNED, "default");
        return p;
    }

    private static void token(Map<String, String> p, int i, String name, String token, String issuerRefs) {
        String at = "exporter.api.tokens[" + i + "]";
        p.put(at + ".name", name);
        p.put(at + ".sha256", ApiTestTokens.sha256(token));
        p.put(at + ".scopes", "read,write");
        p.put(at + ".policy.mounts", "pki_int");
        p.put(at + ".policy.common-names", "*.example.com");
        if (issuerRefs != null) {
            p.put(at + ".policy.issuer-refs", issuerRefs);
        }
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private static String body(String name, String extra) {
        return "{\"name\":\"" + name + "\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\","
                + "\"common_name\":\"" + name + ".example.com\",\"ttl\":\"24h\"" + extra + "}";
    }

    private HttpClientResponseException error(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));
    }

    private long issuances() {
        return fixture.emulator().requests().count("POST", "pki_int/(issuer/[^/]+/)?issue/.*");
    }

    @Test
    void anExportNamedAfterAnOperatorsDirectoryIs409AndItsFilesSurviveEvenAPurge() throws IOException {
        Map<String, String> before = DirectorySnapshot.of(root.resolve("shared"));
        long issued = issuances();

        Map<String, Object> problem = assertProblem(error(HttpRequest.POST(BASE, body("shared", "")).bearerAuth(WRITER)), 409);
        assertProblem(error(HttpRequest.DELETE(BASE + "/shared?purge=true").bearerAuth(WRITER)), 404);

        assertThat(problem.get("detail").toString()).doesNotContain("notes.txt");
        assertThat(DirectorySnapshot.of(root.resolve("shared"))).isEqualTo(before);
        assertThat(root.resolve(".state/specs/shared.json")).doesNotExist();
        assertThat(issuances()).isEqualTo(issued);
    }

    @Test
    void theAuditLogsDirectoryUnderTheExportRootCannotBeTakenOver() throws IOException {
        http.toBlocking().retrieve(HttpRequest.GET(BASE).bearerAuth(WRITER));
        assertThat(root.resolve("audit/audit.log")).isRegularFile();

        assertProblem(error(HttpRequest.POST(BASE, body("audit", "")).bearerAuth(WRITER)), 409);

        assertThat(root.resolve("audit/audit.log")).isRegularFile();
        assertThat(root.resolve("audit/..data")).doesNotExist();
    }

    @Test
    void anExportNamedAfterAFileOrASymlinkUnderTheRootIs409AndNothingIsWrittenThroughIt() throws IOException {
        Map<String, String> outsideBefore = DirectorySnapshot.of(outside);

        assertProblem(error(HttpRequest.POST(BASE, body("notes.txt", "")).bearerAuth(WRITER)), 409);
        assertProblem(error(HttpRequest.POST(BASE, body("elsewhere", "")).bearerAuth(WRITER)), 409);

        assertThat(root.resolve("notes.txt")).content().isEqualTo("a file at the root");
        assertThat(Files.isSymbolicLink(root.resolve("elsewhere"))).isTrue();
        assertThat(DirectorySnapshot.of(outside)).isEqualTo(outsideBefore);
    }

    @Test
    void anEmptyDirectoryTheOperatorPreparedIsUsed() {
        long issued = issuances();
        http.toBlocking().exchange(HttpRequest.POST(BASE, body("empty", "")).bearerAuth(WRITER), String.class);

        assertThat(Files.isSymbolicLink(root.resolve("empty/cert.pem"))).isTrue();
        assertThat(Files.exists(root.resolve("empty/..data"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(issuances()).as("the Vault call counter used by the refusals above").isEqualTo(issued + 1);
    }

    @Test
    void anIssuerOutsideTheTokensIssuerRefsIs403BeforeVaultIsAsked() {
        long issued = issuances();

        Map<String, Object> problem = assertProblem(error(HttpRequest.POST(BASE, body("other-ca",
                ",\"issuer_ref\":\"int\"")).bearerAuth(PINNED)), 403);

        assertThat(problem.get("detail").toString()).contains("issuer_ref 'int'").contains("policy.issuer-refs");
        assertThat(issuances()).isEqualTo(issued);
        assertThat(root.resolve("other-ca")).doesNotExist();
    }

    @Test
    void aDotSegmentAsRoleOrIssuerIs400BeforeVaultIsAsked() {
        long issued = issuances();

        assertProblem(error(HttpRequest.POST(BASE, "{\"name\":\"dots\",\"source\":\"issue\",\"mount\":\"pki_int\","
                + "\"role\":\"..\",\"common_name\":\"dots.example.com\"}").bearerAuth(WRITER)), 400);
        assertProblem(error(HttpRequest.POST(BASE, body("dots", ",\"issuer_ref\":\"..\"")).bearerAuth(WRITER)), 400);

        assertThat(issuances()).isEqualTo(issued);
    }
}
