package io.vaultpki.client.contract;

import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.Issuer;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;
import io.vaultpki.emulator.token.TokenSpec;

import java.net.URI;
import java.time.Duration;

/** {@link VaultFixture} on the in-process emulator, built through its Java setup API. */
final class EmulatorFixture implements VaultFixture {

    private final VaultEmulator emulator;

    EmulatorFixture(VaultEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public URI address() {
        return emulator.url();
    }

    @Override
    public String rootToken() {
        return emulator.rootToken();
    }

    @Override
    public Credentials prepare() {
        PkiMount pki = emulator.pki().enable("pki/");
        Issuer root = pki.generateRoot(IssuerSpec.named("root-ca").commonName("Contract Root")
                .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(3650)));
        PkiMount team = emulator.pki().enable("team/a/pki/");
        team.generateIntermediate(IssuerSpec.named("team-a-int").commonName("Contract Intermediate")
                .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(1825)), root);
        team.role(RoleSpec.named("web").allowedDomains("example.com").allowSubdomains(true)
                .ttl(Duration.ofHours(24)).maxTtl(Duration.ofHours(72)).key("ec", 256));
        emulator.policies().put("pki-client", Policy.builder()
                .path("sys/mounts", "read")
                .path("pki/*", "read", "list")
                .path("team/a/pki/*", "read", "list", "update")
                .build());
        TokenSpec client = TokenSpec.builder().policies("pki-client").ttl(Duration.ofHours(1))
                .maxTtl(Duration.ofHours(4)).renewable(true).build();
        emulator.auth().appRole("approle").role("contract", "contract-role-id", "contract-secret-id", client);
        emulator.auth().userpass("userpass").user("alice", "alice-password", client);
        return new Credentials("contract-role-id", "contract-secret-id", "alice", "alice-password",
                emulator.tokens().create(client));
    }
}
