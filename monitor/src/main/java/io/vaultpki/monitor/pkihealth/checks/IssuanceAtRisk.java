package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.IssuerInput;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.input.MountTune;
import io.vaultpki.monitor.pkihealth.input.RoleInput;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code issuance_at_risk} (not in the CLI): for each role, whether its issuer ({@code issuer_ref}, or the mount's
 * default issuer) lives long enough for the certificates the role may issue. Warning when the issuer's remaining
 * lifetime is shorter than the role's {@code max_ttl} (or, for a role without one, the mount's max lease TTL): Vault
 * then truncates the certificates to the issuer's notAfter, or refuses them with {@code leaf_not_after_behavior=err}
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#leaf_not_after_behavior). Critical when the issuer has
 * expired: with {@code truncate} Vault issues certificates that are already expired. A role whose issuer cannot be
 * found is a warning too, as issuing through it fails.
 */
public final class IssuanceAtRisk implements HealthCheck {

    public static final String NAME = "issuance_at_risk";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> evaluate(MountInputs in, CheckSettings settings, Instant now) {
        RoleReads reads = RoleReads.of(NAME, in);
        if (reads.stop().isPresent()) {
            return List.of(reads.stop().get());
        }
        var blocked = Reads.blocked(NAME, in.issuers(), in.endpoint("issuers"), "1.11+", "the issuers");
        if (blocked.isPresent()) {
            return List.of(blocked.get());
        }
        List<IssuerInput> issuers = in.issuers().optional().orElseThrow();
        Duration mountMax = in.tune().optional().map(MountTune::maxLeaseTtl).orElse(Duration.ZERO);
        List<CheckResult> results = new ArrayList<>(reads.problems());
        for (RoleInput role : reads.roles()) {
            judge(in, role, issuers, mountMax, now).ifPresent(results::add);
        }
        if (results.isEmpty()) {
            results.add(CheckResult.of(NAME, CheckStatus.OK, in.endpoint("roles"),
                    "Every role's issuer outlives the longest certificate the role may issue."));
        }
        return results;
    }

    private static Optional<CheckResult> judge(MountInputs in, RoleInput role, List<IssuerInput> issuers,
                                               Duration mountMax, Instant now) {
        String endpoint = in.endpoint("roles/" + role.name());
        Optional<IssuerInput> found = issuerOf(role, issuers);
        if (found.isEmpty()) {
            return Optional.of(CheckResult.about(role.name(), NAME, CheckStatus.WARNING, endpoint, "Role "
                    + role.name() + " issues from issuer_ref '" + role.issuerRef() + "', but this mount has "
                    + ("default".equals(role.issuerRef()) ? "no default issuer" : "no such issuer")
                    + ": issuance through this role fails."));
        }
        IssuerInput issuer = found.get();
        Duration left = Duration.between(now, issuer.notAfter());
        if (left.isNegative() || left.isZero()) {
            return Optional.of(CheckResult.about(role.name(), NAME, CheckStatus.CRITICAL, endpoint, "Role "
                    + role.name() + " issues from issuer " + issuer.display() + ", which expired on "
                    + Texts.day(issuer.notAfter()) + ": " + switch (issuer.leafNotAfterBehavior()) {
                        case "err" -> "Vault refuses to issue through this role (leaf_not_after_behavior=err).";
                        case "truncate" -> "Vault issues certificates that are already expired"
                                + " (leaf_not_after_behavior=truncate).";
                        case "permit" -> "Vault issues certificates whose issuer has expired, which no client"
                                + " accepts (leaf_not_after_behavior=permit).";
                        default -> "Vault refuses to issue, or (leaf_not_after_behavior=truncate) issues"
                                + " certificates that are already expired.";
                    }));
        }
        boolean ownTtl = !role.maxTtl().isZero();
        Duration ttl = ownTtl ? role.maxTtl() : mountMax;
        if (ttl.isZero()) {
            return Optional.of(CheckResult.about(role.name(), NAME, CheckStatus.NOT_APPLICABLE, endpoint, "Role "
                    + role.name() + " has no max_ttl and the mount's max lease TTL is unknown, so whether issuer "
                    + issuer.display() + " (" + Texts.days(left) + " days left) outlives its certificates cannot be"
                    + " told."));
        }
        if (left.compareTo(ttl) < 0) {
            return Optional.of(CheckResult.about(role.name(), NAME, CheckStatus.WARNING, endpoint, "Role "
                    + role.name() + " issues from issuer " + issuer.display() + ", which has " + Texts.days(left)
                    + " days left (until " + Texts.day(issuer.notAfter()) + "), less than the "
                    + (ownTtl ? "role's max_ttl" : "mount's max lease TTL") + " of " + Texts.days(ttl) + " days: "
                    + switch (issuer.leafNotAfterBehavior()) {
                        case "err" -> "Vault refuses certificates that would outlive the issuer"
                                + " (leaf_not_after_behavior=err).";
                        case "truncate" -> "Vault cuts its certificates short at the issuer's expiry"
                                + " (leaf_not_after_behavior=truncate).";
                        case "permit" -> "Vault issues certificates that outlive their issuer, which clients reject"
                                + " once it expires (leaf_not_after_behavior=permit).";
                        default -> "Vault truncates its certificates to the issuer's expiry or refuses them"
                                + " (leaf_not_after_behavior).";
                    } + " Rotate the issuer or point the role at a newer one."));
        }
        return Optional.empty();
    }

    /** The issuer {@code role.issuerRef()} names: {@code default}, an issuer id, or an issuer name. */
    private static Optional<IssuerInput> issuerOf(RoleInput role, List<IssuerInput> issuers) {
        String ref = role.issuerRef();
        if ("default".equals(ref)) {
            return issuers.stream().filter(IssuerInput::isDefault).findFirst();
        }
        return issuers.stream().filter(i -> i.id().equals(ref)).findFirst()
                .or(() -> issuers.stream().filter(i -> !i.name().isEmpty() && i.name().equals(ref)).findFirst());
    }
}
