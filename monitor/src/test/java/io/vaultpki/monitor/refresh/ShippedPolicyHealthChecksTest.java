package io.vaultpki.monitor.refresh;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.AcmeConfig;
import io.vaultpki.emulator.pki.ClusterConfig;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.monitor.mounts.MountSelection;
import io.vaultpki.monitor.mounts.MountsConfiguration;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped least-privilege policy ({@code vault/policies/vault-pki-monitor.hcl}) gives every health check,
 * {@code hardware_backed_root} and the ACME reads included, what it reads: no {@code insufficient_permissions}.
 */
class ShippedPolicyHealthChecksTest {

    private static final Path POLICY = Path.of("..", "vault", "policies", "vault-pki-monitor.hcl");
    private static final Pattern BLOCK = Pattern.compile("path \"([^\"]+)\"\\s*\\{\\s*capabilities\\s*=\\s*\\[([^\\]]*)\\]");

    static Policy shipped() throws Exception {
        Policy.Builder policy = Policy.builder();
        Matcher m = BLOCK.matcher(Files.readString(POLICY));
        int blocks = 0;
        while (m.find()) {
            policy.path(m.group(1), m.group(2).replace("\"", "").replace(" ", "").split(","));
            blocks++;
        }
        assertThat(blocks).as("path blocks in " + POLICY).isGreaterThan(10);
        return policy.build();
    }

    @Test
    void theShippedPolicyLetsEveryCheckRead() throws Exception {
        try (VaultEmulator emu = VaultEmulator.builder().start()) {
            PkiMount mount = emu.pki().enable("pki");
            var root = mount.generateRoot(IssuerSpec.named("root"));
            mount.generateIntermediate(IssuerSpec.named("int"), root);
            mount.issueLeaves(2, LeafSpec.commonName("h-%d.example.com"));
            mount.role(RoleSpec.named("web").allowedDomains("example.com").maxTtl(Duration.ofDays(1)));
            mount.acmeConfig(AcmeConfig.defaults().withEnabled(true));
            mount.clusterConfig(new ClusterConfig("https://vault.example:8200/v1/pki", ""));
            emu.policies().put("vault-pki-monitor", shipped());
            String token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), "vault-pki-monitor"));

            VaultSettings settings = VaultSettings.builder().address(emu.url()).build();
            RefreshConfiguration configuration = new RefreshConfiguration(Duration.ofSeconds(60), 4, null,
                    Duration.ZERO);
            TokenAuthentication auth = new TokenAuthentication(VaultToken.of(token));
            HealthCheckConfig d = HealthCheckConfig.defaults();
            Map<String, CheckSettings> checks = new LinkedHashMap<>(d.checks());
            checks.put("hardware_backed_root", new CheckSettings(true, Map.of()));
            try (VaultClient client = VaultClient.create(settings, auth)) {
                PkiRefresher refresher = new PkiRefresher(client, auth, new SnapshotHolder(settings),
                        new MountSelection(new MountsConfiguration(null, List.of("pki/"), List.of(), List.of())),
                        configuration, new LeavesConfiguration(true), new RefreshMetrics(new SimpleMeterRegistry()),
                        new RequestLimiter(configuration), new HealthCheckConfig(true, 10, checks, d.counted()));
                EngineSnapshot engine = refresher.refresh().engine("pki/").orElseThrow();

                assertThat(engine.up()).isTrue();
                List<CheckResult> results = engine.health().orElseThrow().results();
                assertThat(results).extracting(CheckResult::check).contains("hardware_backed_root",
                        "enable_acme_issuance", "allow_acme_headers", "role_no_store_false");
                assertThat(results).filteredOn(r -> r.status() == CheckStatus.INSUFFICIENT_PERMISSIONS).isEmpty();
                assertThat(results).filteredOn(r -> r.check().equals("enable_acme_issuance"))
                        .extracting(CheckResult::status).containsExactly(CheckStatus.OK);
            }
        }
    }
}
