package io.vaultpki.bench;

import io.vaultpki.emulator.VaultEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health-check row counts the checks' own reads of the 20-issuer scenario: per mount one delta CRL per issuer,
 * {@code config/crl}, {@code LIST roles}, the tune, {@code config/auto-tidy}, {@code tidy-status} and
 * {@code config/acme} (the seeds have no role and ACME off); the issuers, CRLs and certificates come from the refresh.
 */
class HealthCheckBenchTest {

    @Test
    void aRunOfTheScenarioCostsTwentySixRequestsPerMount() {
        try (VaultEmulator emu = VaultEmulator.builder().start()) {
            Seeds.issuerMounts(emu, "s2-", 2, "HC");
            Report report = new Report(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            new HealthCheckBench(report).run(emu, 2);

            assertThat(report.rows).singleElement().satisfies(row -> {
                assertThat(row.id()).isEqualTo("refresh.health-checks");
                assertThat(row.result()).isEqualTo("52 requests per run, 5.20 per refresh");
                assertThat(row.notes()).contains("GET issuer/:id/crl/delta 40", "GET config/* 6", "LIST roles 2",
                        "GET tidy-status 2", "GET sys/mounts/:mount/tune 2");
            });
        }
    }
}
