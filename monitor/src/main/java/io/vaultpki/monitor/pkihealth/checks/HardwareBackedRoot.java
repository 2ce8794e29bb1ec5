package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.IssuerInput;
import io.vaultpki.monitor.pkihealth.input.KeyInput;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hardware_backed_root}, off by default: informational for a root issuer whose key Vault stores itself
 * rather than in an HSM or KMS (no {@code managed_key_id} on {@code key/<key_id>}). As the CLI
 * (https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_hardware_backed_root.go), except that a key
 * the token may not read is reported as {@code insufficient_permissions} rather than silently skipped.
 */
public final class HardwareBackedRoot implements HealthCheck {

    public static final String NAME = "hardware_backed_root";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public List<CheckResult> evaluate(MountInputs in, CheckSettings settings, Instant now) {
        var blocked = Reads.blocked(NAME, in.issuers(), in.endpoint("issuers"), "1.11+", "the issuers");
        if (blocked.isPresent()) {
            return List.of(blocked.get());
        }
        List<CheckResult> results = new ArrayList<>();
        for (IssuerInput issuer : in.issuers().optional().orElseThrow()) {
            if (!issuer.root() || issuer.keyId().isEmpty()) {
                continue;
            }
            String keyId = issuer.keyId().get();
            String endpoint = in.endpoint("issuer/" + issuer.id());
            Fetched<KeyInput> key = in.keys().getOrDefault(keyId, Fetched.notRead());
            var keyBlocked = Reads.blocked(NAME, key, in.endpoint("key/" + keyId), "1.11+", "the issuer's key");
            if (keyBlocked.isPresent()) {
                CheckResult r = keyBlocked.get();
                results.add(CheckResult.about(issuer.id(), NAME, r.status(), r.endpoint(), r.message()));
                continue;
            }
            results.add(key.optional().orElseThrow().managedKeyId()
                    .map(managed -> CheckResult.about(issuer.id(), NAME, CheckStatus.OK, endpoint,
                            "Root issuer was backed by a HSM or KMS Managed Key: " + managed + "."))
                    .orElseGet(() -> CheckResult.about(issuer.id(), NAME, CheckStatus.INFORMATIONAL, endpoint,
                            "Root issuer was created using Vault-backed software keys; for added safety of"
                                    + " long-lived, important root CAs, you may wish to consider using a HSM or KSM"
                                    + " Managed Key to store key material for this issuer.")));
        }
        if (results.isEmpty()) {
            results.add(Reads.notApplicable(NAME, in.endpoint("issuers"), "This mount has no root issuer with a key."));
        }
        return results;
    }
}
