package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.IssuerInput;
import io.vaultpki.monitor.pkihealth.input.LeafInput;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.pkihealth.model.Param;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code root_issued_leaves}: warning for a root issuer that signed a non-CA leaf directly, looking at the first
 * {@code certs_to_fetch} (default 100) non-CA certificates the mount stores; one warning per root, naming the first
 * such leaf. As the CLI: https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_root_issued_leaves.go.
 */
public final class RootIssuedLeaves implements HealthCheck {

    public static final String NAME = "root_issued_leaves";

    private static final List<Param> PARAMS = List.of(Param.integer("certs_to_fetch", 100, 1, 100_000));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Param> params() {
        return PARAMS;
    }

    @Override
    public List<CheckResult> evaluate(MountInputs in, CheckSettings settings, Instant now) {
        var blocked = Reads.blocked(NAME, in.issuers(), in.endpoint("issuers"), "1.11+", "the issuers");
        if (blocked.isPresent()) {
            return List.of(blocked.get());
        }
        List<IssuerInput> roots = in.issuers().optional().orElseThrow().stream().filter(IssuerInput::root).toList();
        if (roots.isEmpty()) {
            return List.of(Reads.notApplicable(NAME, in.endpoint("issuers"), "This mount has no root issuer."));
        }
        var leavesBlocked = Reads.blocked(NAME, in.leaves(), in.endpoint("certs"), "1.11+", "the certificates");
        if (leavesBlocked.isPresent()) {
            return List.of(leavesBlocked.get());
        }
        List<LeafInput> leaves = in.leaves().optional().orElseThrow().stream().filter(l -> !l.ca())
                .limit(settings.integer("certs_to_fetch")).toList();
        List<CheckResult> results = new ArrayList<>();
        for (IssuerInput root : roots) {
            leaves.stream().filter(l -> l.issuerId().filter(root.id()::equals).isPresent()).findFirst()
                    .ifPresent(leaf -> results.add(CheckResult.about(root.id(), NAME, CheckStatus.WARNING,
                            in.endpoint("issuer/" + root.id()), "Root issuer has directly issued non-CA leaf"
                                    + " certificates (" + leaf.serial() + ") instead of via an intermediate CA. This"
                                    + " can make rotating the root CA harder as direct cross-signing of the roots must"
                                    + " be used, rather than cross-signing of the intermediates. It is encouraged to"
                                    + " set up and use an intermediate CA and tidy the mount when all directly issued"
                                    + " leaves have expired.")));
        }
        if (results.isEmpty()) {
            results.add(CheckResult.of(NAME, CheckStatus.OK, in.endpoint("certs"),
                    "Root certificate(s) in this mount have not directly issued non-CA leaf certificates."));
        }
        return results;
    }
}
