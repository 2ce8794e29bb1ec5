package io.vaultpki.bench;

import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.Issuer;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;

import java.time.Duration;

/** The Vault contents the bench's parts seed into their emulators; each part names its own mounts. */
final class Seeds {

    /** Issuers per mount in the issue's scenario (a root and 19 intermediates). */
    static final int ISSUERS_PER_MOUNT = 20;

    private Seeds() {
    }

    /**
     * {@code <prefix><m>} for each m below {@code mounts}: a root and 19 intermediates (EC P-256) each, common names
     * starting with {@code label}.
     */
    static void issuerMounts(VaultEmulator emu, String prefix, int mounts, String label) {
        for (int m = 0; m < mounts; m++) {
            PkiMount mount = emu.pki().enable(prefix + m);
            Issuer root = mount.generateRoot(IssuerSpec.named("root").commonName(label + " Root " + m)
                    .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(3650)));
            for (int i = 1; i < ISSUERS_PER_MOUNT; i++) {
                mount.generateIntermediate(IssuerSpec.named("int-" + i).commonName(label + " Int " + m + "-" + i)
                        .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(365 + i)), root);
            }
        }
    }

    /** One mount with one root and {@code leaves} stored 30-day leaves, signed up front so a read is from storage. */
    static void leafMount(VaultEmulator emu, String path, int leaves, String label) {
        PkiMount mount = emu.pki().enable(path);
        Issuer root = mount.generateRoot(IssuerSpec.named("root").commonName(label + " Leaves")
                .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(3650)));
        mount.issueLeaves(leaves, LeafSpec.commonName("host-%d.example.com").issuer(root)
                .validFor(Duration.ofDays(30)));
        mount.signDeferred();
    }

    /**
     * The exporter's mounts: {@code pki} with a root, {@code pki_int} with an intermediate and the role {@code web}
     * (EC P-256, 72 h, any name under example.com), which it returns.
     */
    static PkiMount exportMounts(VaultEmulator emu, String label) {
        PkiMount rootMount = emu.pki().enable("pki");
        PkiMount intMount = emu.pki().enable("pki_int");
        Issuer root = rootMount.generateRoot(IssuerSpec.named("root").commonName(label + " Root")
                .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(3650)));
        intMount.generateIntermediate(IssuerSpec.named("int").commonName(label + " Intermediate")
                .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(365)), root);
        intMount.role(RoleSpec.named("web").allowedDomains("example.com").allowSubdomains(true)
                .key(KeyAlgorithm.EC_P256).ttl(Duration.ofHours(72)).maxTtl(Duration.ofDays(14)));
        return intMount;
    }
}
