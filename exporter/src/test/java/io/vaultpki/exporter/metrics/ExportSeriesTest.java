package io.vaultpki.exporter.metrics;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.exporter.EmulatedVault;
import io.vaultpki.exporter.api.ApiTestTokens;
import io.vaultpki.testkit.Await;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exporter's own series in a real scrape (issue 10 §5): the export-duration histogram has a dozen explicit
 * buckets, every series of a deleted export disappears, a failed attempt is counted by the suite's failure reason,
 * and no HELP text claims a cached value.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportSeriesTest implements TestPropertyProvider {

    private static final String BASE = "/api/v1/certificates";
    private static final String OPERATOR = "series-operator-token-0123456789ab";

    private EmulatedVault vault;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        vault = EmulatedVault.start("export-series");
        Map<String, String> p = vault.properties();
        p.put("exporter.exports.web.source", "issue");
        p.put("exporter.exports.web.mount", "pki_int");
        p.put("exporter.exports.web.role", "web");
        p.put("exporter.exports.web.common-name", "web.example.com");
        p.put("exporter.renewal.min-issuance-interval", "1ms"); // the API may renew right after the create
        p.put("exporter.api.tokens[0].name", "operator");
        p.put("exporter.api.tokens[0].sha256", ApiTestTokens.sha256(OPERATOR));
        p.put("exporter.api.tokens[0].scopes", "read,write,keys");
        return p;
    }

    @AfterAll
    void stop() {
        vault.close();
    }

    private String scrape() {
        return http.toBlocking().retrieve("/metrics");
    }

    private void create(String name) {
        http.toBlocking().exchange(HttpRequest.POST(BASE, "{\"name\":\"" + name + "\",\"source\":\"issue\",\"mount\":\"pki_int\","
                + "\"role\":\"web\",\"common_name\":\"" + name + ".example.com\",\"ttl\":\"24h\"}").bearerAuth(OPERATOR));
    }

    @Test
    void theExportDurationHistogramHasTwelveExplicitBucketsFromTenMillisecondsToAMinute() {
        Await.until("web written", Duration.ofSeconds(20), () -> Files.exists(vault.exportRoot().resolve("web/cert.pem")));
        Await.until("web's attempt counted", Duration.ofSeconds(5),
                () -> scrape().contains("vault_pki_exporter_export_duration_seconds_count{export=\"web\"}"));

        Matcher bucket = Pattern.compile("vault_pki_exporter_export_duration_seconds_bucket\\{export=\"web\",le=\"([^\"]+)\"}")
                .matcher(scrape());
        List<String> bounds = bucket.results().map(m -> m.group(1)).toList();
        assertThat(bounds).containsExactly("0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0",
                "30.0", "60.0", "+Inf");
    }

    @Test
    void everySeriesOfADeletedExportDisappears() {
        create("brief");
        http.toBlocking().exchange(HttpRequest.GET(BASE + "/brief/files/key.pem").bearerAuth(OPERATOR), byte[].class);
        String before = scrape();
        assertThat(before).contains("vault_pki_exporter_exports_total{export=\"brief\"",
                "vault_pki_exporter_export_duration_seconds_count{export=\"brief\"}",
                "vault_pki_exporter_file_switches_total{export=\"brief\"}",
                "vault_pki_exporter_key_downloads_total{export=\"brief\"",
                "vault_pki_exporter_certificate_not_after_timestamp_seconds{export=\"brief\"}");

        http.toBlocking().exchange(HttpRequest.DELETE(BASE + "/brief").bearerAuth(OPERATOR));

        String after = scrape();
        assertThat(after).doesNotContain("export=\"brief\"");
        assertThat(after).contains("export=\"web\"");
    }

    @Test
    void aFailedAttemptIsCountedByTheSharedFailureReason() {
        create("flaky");
        vault.emulator().faults().seal();
        try {
            assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST(BASE + "/flaky/renew", "").bearerAuth(OPERATOR)))
                    .isInstanceOf(HttpClientResponseException.class).hasMessageContaining("Vault is sealed");
        } finally {
            vault.emulator().faults().clear();
        }
        assertThat(scrape())
                .contains("vault_pki_exporter_export_failures_total{export=\"flaky\",reason=\"sealed\",source=\"issue\"} 1.0")
                .contains("vault_pki_exporter_exports_total{export=\"flaky\",outcome=\"failure\",source=\"issue\"} 1.0");
    }

    @Test
    void noHelpTextClaimsACachedValue() {
        Await.until("web written", Duration.ofSeconds(20), () -> Files.exists(vault.exportRoot().resolve("web/cert.pem")));
        List<String> help = scrape().lines().filter(l -> l.startsWith("# HELP vault_pki_exporter_")).toList();
        assertThat(help).isNotEmpty().noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("cache"));
    }
}
