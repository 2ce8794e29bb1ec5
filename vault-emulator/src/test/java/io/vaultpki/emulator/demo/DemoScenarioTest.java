package io.vaultpki.emulator.demo;

import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.PkiHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoScenarioTest {

    private VaultEmulator emulator;
    private DemoScenario.Description demo;
    private PkiHttp http;

    @BeforeAll
    void start() {
        emulator = VaultEmulator.builder().start();
        demo = DemoScenario.seed(emulator);
        http = new PkiHttp(emulator.url(), emulator.rootToken());
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Test
    void describesTheThreeMountsAndTheRole() {
        assertThat(demo.mounts()).containsExactly("pki/", "pki_int/", "team/a/pki/");
        assertThat(demo.role()).isEqualTo("web");
        assertThat(demo.revokedSerials()).isNotEmpty();
        assertThat(demo.expiredSerials()).isNotEmpty();
        assertThat(demo.supersededCommonNames()).isNotEmpty();
        assertThat(demo.leafCount()).isBetween(24, 60);
    }

    @Test
    void issuersHaveTheAdvertisedRemainingLifetimes() {
        Instant now = emulator.clock().instant();
        assertThat(remaining("pki", demo.rootIssuerId(), now)).isGreaterThan(Duration.ofDays(3000));
        assertThat(remaining("pki_int", demo.intermediateId(), now)).isBetween(Duration.ofDays(19), Duration.ofDays(21));
        assertThat(remaining("team/a/pki", demo.criticalIssuerId(), now)).isBetween(Duration.ofDays(4), Duration.ofDays(6));
        assertThat(remaining("team/a/pki", demo.expiredIssuerId(), now)).isNegative();
    }

    @Test
    void intermediateChainsToTheRoot() throws Exception {
        var chain = http.get("pki_int/issuer/" + demo.intermediateId()).json().at("/data/ca_chain");
        List<X509Certificate> certs = new ArrayList<>();
        chain.forEach(c -> certs.add(parse(c.asText())));
        assertThat(certs).hasSize(2);
        certs.get(0).verify(certs.get(1).getPublicKey());
    }

    @Test
    void tidySettingsGiveTheHealthChecksAHealthyAndAFailingMount() {
        var healthy = http.get("pki_int/tidy-status").json().at("/data");
        assertThat(healthy.get("state").asText()).isEqualTo("Finished");
        assertThat(http.get("pki_int/config/auto-tidy").json().at("/data/interval_duration").asLong()).isEqualTo(43200);
        var failing = http.get("team/a/pki/tidy-status").json().at("/data");
        assertThat(failing.get("state").asText()).isEqualTo("Error");
        assertThat(http.get("team/a/pki/config/auto-tidy").json().at("/data/interval_duration").asLong())
                .isEqualTo(Duration.ofDays(7).getSeconds());
        assertThat(http.get("pki/tidy-status").json().at("/data/state").asText()).isEqualTo("Inactive");
    }

    @Test
    void roleWebIssuesForExampleComAndLocalhostOnly() {
        assertThat(http.post("pki_int/issue/web", Map.of("common_name", "new.example.com")).status()).isEqualTo(200);
        assertThat(http.post("pki_int/issue/web", Map.of("common_name", "localhost")).status()).isEqualTo(200);
        assertThat(http.post("pki_int/issue/web", Map.of("common_name", "evil.org")).status()).isEqualTo(400);
    }

    @Test
    void revokedLeavesAreListedAndOnTheCrl() throws Exception {
        var revoked = http.list("pki_int/certs/revoked").json().at("/data/keys");
        List<String> serials = new ArrayList<>();
        revoked.forEach(k -> serials.add(k.asText()));
        assertThat(serials).containsAll(demo.revokedSerials());
        var crl = (java.security.cert.X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(http.get("pki_int/crl").body()));
        assertThat(crl.getRevokedCertificates()).hasSize(demo.revokedSerials().size());
    }

    private Duration remaining(String mount, String issuerId, Instant now) {
        String pem = http.get(mount + "/issuer/" + issuerId + "/json").json().at("/data/certificate").asText();
        return Duration.between(now, parse(pem).getNotAfter().toInstant());
    }

    private static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
