package io.vaultpki.exporter.export;

import io.vaultpki.client.RetrySettings;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.emulator.MutableClock;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.Issuer;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;

import java.time.Duration;
import java.time.Instant;

/**
 * An emulated Vault with a root on {@code pki}, an intermediate on {@code pki_int}, role {@code web} (EC P-256,
 * 72 h, max 14 d, {@code *.example.com}) and role {@code short} (max TTL 1 h), plus a client that fails fast.
 */
final class EmulatedPki implements AutoCloseable {

    final MutableClock clock = new MutableClock();
    final VaultEmulator emulator = VaultEmulator.builder().clock(clock).start();
    final PkiMount root = emulator.pki().enable("pki/");
    final PkiMount intermediate = emulator.pki().enable("pki_int/");
    final Issuer rootIssuer;
    final Issuer intermediateIssuer;
    final VaultClient client;

    EmulatedPki() {
        Instant now = clock.instant();
        rootIssuer = root.generateRoot(IssuerSpec.named("root").commonName("Test Root CA").key(KeyAlgorithm.EC_P256)
                .notBefore(now.minus(Duration.ofDays(1))).notAfter(now.plus(Duration.ofDays(3650))));
        intermediateIssuer = intermediate.generateIntermediate(IssuerSpec.named("int").commonName("Test Intermediate CA")
                .key(KeyAlgorithm.EC_P256).notBefore(now.minus(Duration.ofDays(1))).notAfter(now.plus(Duration.ofDays(365))),
                rootIssuer);
        intermediate.role(RoleSpec.named("web").allowedDomains("example.com").allowSubdomains(true)
                .key(KeyAlgorithm.EC_P256).ttl(Duration.ofHours(72)).maxTtl(Duration.ofDays(14)));
        intermediate.role(RoleSpec.named("short").allowedDomains("example.com").allowSubdomains(true)
                .key(KeyAlgorithm.EC_P256).ttl(Duration.ofMinutes(30)).maxTtl(Duration.ofHours(1)));
        client = VaultClient.builder()
                .settings(VaultSettings.builder().address(emulator.url()).allowRootToken(true)
                        .readTimeout(Duration.ofSeconds(5))
                        .retry(new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)))
                        .build())
                .authentication(new TokenAuthentication(VaultToken.of(emulator.rootToken())))
                .clock(clock)
                .build();
    }

    /** Issue and sign calls the emulator saw. */
    long issuances() {
        return emulator.requests().count("POST", ".*/(issue|sign)/.*") + emulator.requests().count("PUT", ".*/(issue|sign)/.*");
    }

    @Override
    public void close() {
        client.close();
        emulator.close();
    }
}
