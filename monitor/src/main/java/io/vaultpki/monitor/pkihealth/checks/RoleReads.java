package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.input.RoleInput;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The roles as the role checks see them, handled as the CLI's role checks do (e.g.
 * https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_role_allows_localhost.go): a refused
 * {@code LIST roles} is the check's only result; a refused {@code roles/<name>} is one result for that role, and the
 * other roles are still judged.
 *
 * @param stop     when present, the check's only result (roles not listable, or no roles)
 * @param problems per-role results for roles that could not be read
 * @param roles    the roles that were read, by name
 */
record RoleReads(Optional<CheckResult> stop, List<CheckResult> problems, List<RoleInput> roles) {

    static RoleReads of(String check, MountInputs in) {
        String endpoint = in.endpoint("roles");
        if (in.roles() instanceof Fetched.Forbidden<?>) {
            return stop(CheckResult.of(check, CheckStatus.INSUFFICIENT_PERMISSIONS, endpoint, "This token lacks"
                    + " permission either to list the roles. This restricts the ability to fully execute this health"
                    + " check."));
        }
        Optional<CheckResult> blocked = Reads.blocked(check, in.roles(), endpoint, "1.11+", "the roles");
        if (blocked.isPresent()) {
            return stop(blocked.get());
        }
        Map<String, Fetched<RoleInput>> all = in.roles().optional().orElseThrow();
        if (all.isEmpty()) {
            return stop(Reads.notApplicable(check, endpoint, "This mount has no roles."));
        }
        List<CheckResult> problems = new ArrayList<>();
        List<RoleInput> roles = new ArrayList<>();
        all.forEach((name, read) -> {
            Optional<CheckResult> roleBlocked = Reads.blocked(check, read, in.endpoint("roles/" + name), "1.11+",
                    "role " + name);
            roleBlocked.ifPresentOrElse(r -> problems.add(CheckResult.about(name, check, r.status(), r.endpoint(),
                    r.message())), () -> roles.add(read.optional().orElseThrow()));
        });
        return new RoleReads(Optional.empty(), List.copyOf(problems), List.copyOf(roles));
    }

    private static RoleReads stop(CheckResult result) {
        return new RoleReads(Optional.of(result), List.of(), List.of());
    }
}
