package io.vaultpki.exporter.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.exporter.DirectorySnapshot;
import io.vaultpki.exporter.EmulatedVault;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.vaultpki.exporter.api.CertificatesApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 10 §4 through the real API against the emulator, with the exporter logged in under a least-privilege
 * policy: a Vault answer that blames the request (an unknown role, a common name the role refuses) is a 422 that
 * carries Vault's reason; the exporter's own trouble with Vault (its token's policy denies the path, Vault sealed)
 * is a 502/503 whose detail says it is the exporter's problem. Whatever the refusal, nothing is written and no
 * series is left under the rejected name (§5).
 */
@MicronautTest
@SuppressWarnings("unchecked")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultRefusalsApiTest implements TestPropertyProvider {

    private static final String BASE = "/api/v1/certificates";
    private static final String OPERATOR = "refusals-operator-token-0123456789";

    private EmulatedVault fixture;
    private VaultEmulator vault;
    private Path root;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        fixture = EmulatedVault.start("api-refusals");
        vault = fixture.emulator();
        root = fixture.exportRoot();
        // what an operator grants an exporter: the PKI mounts, except one role it must not issue from
        vault.policies().put("exporter", Policy.builder()
                .path("pki/*", "read", "list")
                .path("pki_int/*", "read", "list", "create", "update")
                .path("pki_int/issue/db", "deny")
                .build());
        Map<String, String> p = fixture.properties();
        p.put("vault.token", vault.tokens().create(TokenSpec.of(Duration.ofHours(1), "exporter")));
        p.remove("vault.allow-root-token");
        p.put("exporter.api.tokens[0].name", "operator");
        p.put("exporter.api.tokens[0].sha256", ApiTestTokens.sha256(OPERATOR));
        p.put("exporter.api.tokens[0].scopes", "read,write");
        p.put("exporter.api.tokens[1].name", "deployer");
        p.put("exporter.api.tokens[1].sha256", ApiTestTokens.sha256(ApiTestTokens.WRITER));
        p.put("exporter.api.tokens[1].scopes", "read,write");
        p.put("exporter.api.tokens[1].policy.mounts", "pki_int");
        return p;
    }

    @AfterEach
    void clearFaults() {
        vault.faults().clear();
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private static String body(String name, String role, String commonName) {
        return "{\"name\":\"" + name + "\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"" + role
                + "\",\"common_name\":\"" + commonName + "\",\"ttl\":\"24h\"}";
    }

    private Map<String, Object> refused(String name, String role, String commonName, int status) {
        Map<String, String> before = exportFiles();
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST(BASE, body(name, role, commonName)).bearerAuth(OPERATOR), String.class));
        Map<String, Object> problem = assertProblem(e, status);
        assertThat(e.getResponse().header(ApiRequests.REQUEST_ID_HEADER)).isNotBlank();
        assertThat(exportFiles()).as("nothing written under the export root but the audit line").isEqualTo(before);
        assertNoSeriesFor(name);
        return problem;
    }

    private Map<String, String> exportFiles() {
        Map<String, String> files = new java.util.TreeMap<>(DirectorySnapshot.of(root));
        files.remove(".state/audit.log");
        return files;
    }

    private void assertNoSeriesFor(String name) {
        assertThat(http.toBlocking().retrieve("/metrics")).as("series of the rejected export %s", name)
                .doesNotContain("export=\"" + name + "\"");
    }

    @Test
    void anUnknownRoleIs422WithVaultsReason() {
        Map<String, Object> problem = refused("ghost", "nope", "ghost.example.com", 422);

        assertThat(problem.get("detail").toString()).startsWith("Vault refused the request: unknown role: nope")
                .contains("(Vault 400 at pki_int/issue/nope)");
        assertThat((List<Object>) problem.get("vault_errors")).containsExactly("unknown role: nope");
    }

    @Test
    void aCommonNameTheRoleRefusesIs422WithVaultsReason() {
        Map<String, Object> problem = refused("evil", "web", "evil.org", 422);

        assertThat(problem.get("detail").toString())
                .startsWith("Vault refused the request: common name evil.org not allowed by this role")
                .contains("(Vault 400 at pki_int/issue/web)");
        assertThat((List<Object>) problem.get("vault_errors")).containsExactly("common name evil.org not allowed by this role");
    }

    @Test
    void aPolicyDenyingTheExportersTokenIs502SayingItIsTheExportersProblem() {
        Map<String, Object> problem = refused("db", "db", "db.example.com", 502);

        assertThat(problem.get("detail").toString())
                .startsWith("the exporter's Vault token is not permitted to POST pki_int/issue/db")
                .contains("(Vault 403 at pki_int/issue/db)")
                .contains("this is the exporter's problem with Vault, not the request's");
        assertThat((List<Object>) problem.get("vault_errors")).containsExactly("permission denied");
    }

    @Test
    void aSealedVaultIs503WithRetryAfterSayingItIsTheExportersProblem() {
        vault.faults().seal();
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST(BASE, body("sealed", "web", "sealed.example.com")).bearerAuth(OPERATOR), String.class));
        Map<String, Object> problem = assertProblem(e, 503);

        assertThat(problem.get("detail").toString()).startsWith("Vault is sealed")
                .contains("this is the exporter's problem with Vault, not the request's");
        assertThat(e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER)).matches("\\d+");
        vault.faults().clear();
        assertNoSeriesFor("sealed");
    }

    @Test
    void aCreateRejectedBeforeVaultLeavesNoSeriesAndATakenNameKeepsItsOwn() {
        // 400: invalid spec; 403: outside the token's write policy; neither reaches the export operations
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST(BASE, "{\"name\":\"bad\",\"source\":\"issue\",\"mount\":\"pki_int\"}").bearerAuth(OPERATOR),
                String.class)), 400);
        assertNoSeriesFor("bad");
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST(BASE, body("outside", "web", "outside.example.com").replace("pki_int", "pki"))
                        .bearerAuth(ApiTestTokens.WRITER), String.class)), 403);
        assertNoSeriesFor("outside");

        // 409: the name is taken; the existing export keeps its series
        http.toBlocking().exchange(HttpRequest.POST(BASE, body("taken", "web", "taken.example.com")).bearerAuth(OPERATOR));
        assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST(BASE, body("taken", "web", "taken.example.com")).bearerAuth(OPERATOR), String.class)), 409);
        assertThat(http.toBlocking().retrieve("/metrics"))
                .contains("vault_pki_exporter_exports_total{export=\"taken\",outcome=\"success\",source=\"issue\"}")
                .contains("vault_pki_exporter_certificate_not_after_timestamp_seconds{export=\"taken\"}");
    }
}
