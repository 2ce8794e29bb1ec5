package io.vaultpki.emulator.demo;

import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.AutoTidyConfig;
import io.vaultpki.emulator.pki.Issuer;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.Leaf;
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;
import io.vaultpki.emulator.pki.TidyRun;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's PKI landscape: a healthy root, an intermediate about to need attention, a team mount with a critical
 * and an expired issuer, a role, and a few dozen leaves in every state a monitor should notice.
 */
public final class DemoScenario {

    public static final String ROOT_MOUNT = "pki/";
    public static final String INTERMEDIATE_MOUNT = "pki_int/";
    public static final String TEAM_MOUNT = "team/a/pki/";
    public static final String ROLE = "web";

    private DemoScenario() {
    }

    /**
     * What {@link #seed(VaultEmulator)} created.
     *
     * @param mounts          the PKI mounts, with trailing slashes
     * @param role            the role on {@link #INTERMEDIATE_MOUNT} allowing {@code *.example.com} and {@code localhost}
     * @param rootIssuerId    root issuer (valid 10 years)
     * @param intermediateId  intermediate issuer (about 20 days left: warning)
     * @param criticalIssuerId team issuer with about 5 days left (critical)
     * @param expiredIssuerId team issuer already expired
     * @param leafCount       leaves stored across the mounts
     * @param revokedSerials  revoked leaves
     * @param expiredSerials  expired leaves
     * @param supersededCommonNames common names issued twice (the older certificate is superseded)
     */
    public record Description(List<String> mounts, String role, String rootIssuerId, String intermediateId,
                              String criticalIssuerId, String expiredIssuerId, int leafCount,
                              List<String> revokedSerials, List<String> expiredSerials,
                              List<String> supersededCommonNames) {

        public Description {
            mounts = List.copyOf(mounts);
            revokedSerials = List.copyOf(revokedSerials);
            expiredSerials = List.copyOf(expiredSerials);
            supersededCommonNames = List.copyOf(supersededCommonNames);
        }
    }

    public static Description seed(VaultEmulator emulator) {
        Instant now = emulator.clock().instant();
        PkiMount rootMount = emulator.pki().enable(ROOT_MOUNT);
        Issuer root = rootMount.generateRoot(IssuerSpec.named("root-2024").commonName("Example Root CA")
                .key(KeyAlgorithm.RSA_2048).notBefore(now.minus(Duration.ofDays(30))).notAfter(now.plus(Duration.ofDays(3650))));

        PkiMount intMount = emulator.pki().enable(INTERMEDIATE_MOUNT);
        Issuer intermediate = intMount.generateIntermediate(IssuerSpec.named("int-2024").commonName("Example Intermediate CA")
                .notBefore(now.minus(Duration.ofDays(345))).notAfter(now.plus(Duration.ofDays(20))), root);
        intMount.role(RoleSpec.named(ROLE).allowedDomains("example.com").allowSubdomains(true).allowLocalhost(true)
                .key(KeyAlgorithm.EC_P256).ttl(Duration.ofHours(72)).maxTtl(Duration.ofDays(14)));

        PkiMount teamMount = emulator.pki().enable(TEAM_MOUNT);
        Issuer critical = teamMount.generateRoot(IssuerSpec.named("team-a-2025").commonName("Team A CA").ou("Team A")
                .notBefore(now.minus(Duration.ofDays(360))).notAfter(now.plus(Duration.ofDays(5))));
        Issuer expired = teamMount.generateRoot(IssuerSpec.named("team-a-2023").commonName("Team A CA (old)").ou("Team A")
                .notBefore(now.minus(Duration.ofDays(730))).notAfter(now.minus(Duration.ofDays(3))));

        List<String> revoked = new ArrayList<>();
        List<String> expiredLeaves = new ArrayList<>();
        List<String> superseded = new ArrayList<>();
        int leaves = 0;
        for (int i = 1; i <= 20; i++) {
            String cn = "host-" + i + ".example.com";
            if (i <= 4) {
                // the older twin: issued 10 days ago, so the newer one below supersedes it
                intMount.issueLeaf(LeafSpec.commonName(cn).dnsNames(cn).ou("Web").notBefore(now.minus(Duration.ofDays(10)))
                        .notAfter(now.plus(Duration.ofDays(4))));
                superseded.add(cn);
                leaves++;
            }
            Leaf leaf = intMount.issueLeaf(LeafSpec.commonName(cn).dnsNames(cn).ou("Web")
                    .notBefore(now.minus(Duration.ofDays(i % 7))).notAfter(now.plus(Duration.ofDays(14 - i % 7))));
            leaves++;
            if (i % 6 == 0) {
                intMount.revoke(leaf.serialNumber());
                revoked.add(leaf.serialNumber());
            }
        }
        for (int i = 1; i <= 4; i++) {
            Leaf old = intMount.issueLeaf(LeafSpec.commonName("legacy-" + i + ".example.com")
                    .notBefore(now.minus(Duration.ofDays(60))).notAfter(now.minus(Duration.ofDays(i))));
            expiredLeaves.add(old.serialNumber());
            leaves++;
        }
        intMount.issueLeaf(LeafSpec.commonName("localhost").dnsNames("localhost").ipAddresses("127.0.0.1").validFor(Duration.ofDays(7)));
        leaves++;
        for (int i = 1; i <= 3; i++) {
            rootMount.issueLeaf(LeafSpec.commonName("infra-" + i + ".example.com").validFor(Duration.ofDays(90)));
            teamMount.issueLeaf(LeafSpec.commonName("svc-" + i + ".team-a.example.com").issuer(critical)
                    .validFor(Duration.ofDays(4)));
            leaves += 2;
        }
        seedHealthCheckSettings(intMount, teamMount, now);
        return new Description(List.of(ROOT_MOUNT, INTERMEDIATE_MOUNT, TEAM_MOUNT), ROLE, root.id(), intermediate.id(),
                critical.id(), expired.id(), leaves, revoked, expiredLeaves, superseded);
    }

    /**
     * What the PKI health checks grade beyond the certificates: the intermediate mount tidies every 12h and did an
     * hour ago (healthy); the team mount's auto-tidy runs only weekly (critical) and its last tidy failed three days
     * ago (critical). The root mount keeps Vault's defaults (auto-tidy off, never tidied).
     */
    private static void seedHealthCheckSettings(PkiMount intMount, PkiMount teamMount, Instant now) {
        intMount.autoTidy(AutoTidyConfig.defaults().withEnabled(true, Duration.ofHours(12)).withCounts(true, false));
        Instant tidied = now.minus(Duration.ofHours(1));
        intMount.tidyRun(TidyRun.finished(tidied.minusSeconds(42), tidied, 4, 1), tidied);
        teamMount.autoTidy(AutoTidyConfig.defaults().withEnabled(true, Duration.ofDays(7)));
        Instant failed = now.minus(Duration.ofDays(3));
        teamMount.tidyRun(TidyRun.failed(failed.minusSeconds(5), failed, "error listing certificates: context canceled"),
                null);
    }
}
