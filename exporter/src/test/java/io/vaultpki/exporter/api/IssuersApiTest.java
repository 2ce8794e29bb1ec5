package io.vaultpki.exporter.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.demo.DemoScenario;
import io.vaultpki.exporter.EmulatedVault;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.vaultpki.exporter.api.CertificatesApiTest.assertProblem;
import static io.vaultpki.exporter.api.CertificatesApiTest.json;
import static io.vaultpki.exporter.api.CertificatesApiTest.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The issuers API against the Vault emulator, including Vault refusing (502), sealed (503) and slow (504). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssuersApiTest implements TestPropertyProvider {

    private static final String BASE = "/api/v1/issuers";
    private EmulatedVault fixture;
    private VaultEmulator vault;
    private DemoScenario.Description demo;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        fixture = EmulatedVault.start("issuers-api");
        vault = fixture.emulator();
        demo = fixture.demo();
        Map<String, String> p = fixture.properties();
        ApiTestTokens.properties().forEach((k, v) -> p.put(k, v.toString()));
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

    /**
     * The session logs in on the first request and backs off after a failed login; log in before injecting a fault
     * so the fault hits the issuers call itself.
     */
    private void loggedIn() {
        get(BASE + "?mount=pki");
    }

    private HttpResponse<String> get(String path) {
        return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(ApiTestTokens.READER), String.class);
    }

    private HttpClientResponseException error(String path) {
        return assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(ApiTestTokens.READER), String.class));
    }

    @Test
    void listsEveryIssuerOfEveryPkiMountIncludingNestedOnes() {
        List<Map<String, Object>> issuers = list(json(get(BASE)), "issuers");
        assertThat(issuers).extracting(i -> i.get("mount")).contains("pki", "pki_int", "team/a/pki");
        assertThat(issuers).extracting(i -> i.get("id")).contains(demo.rootIssuerId(), demo.intermediateId());
        assertThat(issuers.get(0)).containsKeys("subject", "serial", "not_after", "key_type", "is_default");
    }

    @Test
    void mountQueryParameterSelectsANestedMount() {
        List<Map<String, Object>> issuers = list(json(get(BASE + "?mount=team/a/pki")), "issuers");
        assertThat(issuers).isNotEmpty().extracting(i -> i.get("mount")).containsOnly("team/a/pki");
    }

    @Test
    void oneIssuerIsFoundByIdWithoutAMount() {
        Map<String, Object> issuer = json(get(BASE + "/" + demo.intermediateId()));
        assertThat(issuer.get("mount")).isEqualTo("pki_int");
        assertThat((String) issuer.get("subject")).contains("Example Intermediate CA");
    }

    @Test
    void caPemDownloadsWithContentTypeAndEtagAnd304() {
        String path = BASE + "/" + demo.rootIssuerId() + "/files/ca.pem?mount=pki";
        HttpResponse<byte[]> r = http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(ApiTestTokens.READER), byte[].class);
        assertThat(r.getContentType().orElseThrow().toString()).isEqualTo("application/x-pem-file");
        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(r.getHeaders().get(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\"ca.pem\"");
        HttpResponse<byte[]> again = http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(ApiTestTokens.READER)
                .header(HttpHeaders.IF_NONE_MATCH, r.getHeaders().get(HttpHeaders.ETAG)), byte[].class);
        assertThat(again.getStatus().getCode()).isEqualTo(304);
    }

    @Test
    void chainPemHoldsTheIssuerAndItsParents() {
        String path = BASE + "/" + demo.intermediateId() + "/files/chain.pem?mount=pki_int";
        HttpResponse<byte[]> r = http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(ApiTestTokens.READER), byte[].class);
        assertThat(r.getContentType().orElseThrow().toString()).isEqualTo("application/pem-certificate-chain");
        assertThat(new String(r.body(), StandardCharsets.US_ASCII).split("BEGIN CERTIFICATE", -1)).hasSizeGreaterThan(2);
    }

    @Test
    void caDerDownloads() {
        String path = BASE + "/" + demo.rootIssuerId() + "/files/ca.der?mount=pki";
        HttpResponse<byte[]> r = http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(ApiTestTokens.READER), byte[].class);
        assertThat(r.getContentType().orElseThrow().toString()).isEqualTo("application/pkix-cert");
        assertThat(r.body()[0]).isEqualTo((byte) 0x30);
    }

    @Test
    void unknownIssuerIs404() {
        assertProblem(error(BASE + "/00000000-0000-0000-0000-000000000000"), 404);
        assertProblem(error(BASE + "/no-such-issuer?mount=pki"), 404);
    }

    @Test
    void traversingMountIs400() {
        assertProblem(error(BASE + "?mount=../sys"), 400);
        assertProblem(error(BASE + "?mount=pki%2F..%2Fsys"), 400);
    }

    @Test
    void unknownIssuerFileIs404() {
        assertProblem(error(BASE + "/" + demo.rootIssuerId() + "/files/key.pem?mount=pki"), 404);
    }

    @Test
    void vaultRefusingTheRequestIs422WithVaultErrors() {
        loggedIn();
        vault.faults().failNext("pki_int/issuers", 1, 400, "unsupported operation\nwith a newline");
        Map<String, Object> problem = assertProblem(error(BASE + "?mount=pki_int"), 422);
        assertThat(problem.get("vault_errors")).isEqualTo(List.of("unsupported operation with a newline"));
    }

    @Test
    void vaultServerErrorIs502WithVaultErrorsAsTheExportersProblem() {
        loggedIn();
        vault.faults().failNext("pki_int/issuers", 1, 500, "internal error\nwith a newline");
        Map<String, Object> problem = assertProblem(error(BASE + "?mount=pki_int"), 502);
        assertThat(problem.get("vault_errors")).isEqualTo(List.of("internal error with a newline"));
        assertThat(problem.get("detail").toString()).contains("the exporter's problem with Vault");
    }

    @Test
    void sealedVaultIs503WithRetryAfter() {
        loggedIn();
        vault.faults().seal();
        HttpClientResponseException e = error(BASE + "?mount=pki_int");
        assertProblem(e, 503);
        assertThat(e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER)).matches("\\d+");
    }

    @Test
    void slowVaultIs504() {
        loggedIn();
        vault.faults().latency("pki_int/issuers", Duration.ofSeconds(3));
        assertProblem(error(BASE + "?mount=pki_int"), 504);
    }
}
