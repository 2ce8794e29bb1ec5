package io.vaultpki.client.core;

import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.pki.IssuerSummary;
import io.vaultpki.client.sys.SecretsMount;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamespaceViewTest {

    private VaultEmulator emu;
    private VaultClient client;

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().enterpriseNamespaces(true).start();
        emu.namespaces().create("team-a");
        emu.pki().enable("pki").generateRoot(IssuerSpec.named("root-ns"));
        emu.pki().enable("team-a", "pki_team").generateRoot(IssuerSpec.named("team-root"));
        emu.policies().put("reader", Policy.builder().path("sys/mounts", "read").path("team-a/sys/mounts", "read")
                .path("team-a/pki_team/*", "read", "list").build());
        String token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), "reader"));
        client = VaultClient.create(VaultSettings.builder().address(emu.url()).build(),
                new TokenAuthentication(VaultToken.of(token)));
    }

    @AfterAll
    void stop() {
        client.close();
        emu.close();
    }

    @Test
    void aChildNamespaceViewListsAndReadsTheMountsOfThatNamespaceWithTheParentsToken() {
        VaultClient team = client.inNamespace("/team-a/");

        assertThat(team.sys().listPkiMounts()).extracting(SecretsMount::path).containsExactly("pki_team/");
        assertThat(team.pki("pki_team").listIssuers()).extracting(IssuerSummary::name).containsExactly("team-root");
        assertThat(client.sys().listPkiMounts()).extracting(SecretsMount::path).containsExactly("pki/");
        assertThat(emu.requests().count("GET", "team-a/sys/mounts")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void closingAViewLeavesTheClientUsable() {
        client.inNamespace("team-a").close();

        assertThat(client.sys().listPkiMounts()).extracting(SecretsMount::path).containsExactly("pki/");
    }

    @Test
    void anEmptyNamespaceIsTheClientItself() {
        assertThat(client.inNamespace("/")).isSameAs(client);
    }
}
