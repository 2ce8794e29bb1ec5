package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.input.MountTune;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.pkihealth.model.Param;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code audit_visibility}: informational for each non-sensitive PKI parameter the audit log HMACs (not in
 * {@code audit_non_hmac_request_keys}/{@code audit_non_hmac_response_keys}), warning for each sensitive one it does
 * not ({@code private_key}, {@code pem_bundle}). Parameters listed in {@code ignored_parameters} are not reported.
 * As the CLI (https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_audit_visibility.go), which
 * parses {@code ignored_parameters} but never consults it; here it does.
 */
public final class AuditVisibility implements HealthCheck {

    public static final String NAME = "audit_visibility";

    static final List<String> VISIBLE_REQUEST = List.of("csr", "certificate", "issuer_ref", "common_name",
            "alt_names", "other_sans", "ip_sans", "uri_sans", "ttl", "not_after", "serial_number", "key_type",
            "private_key_format", "managed_key_name", "managed_key_id", "ou", "organization", "country", "locality",
            "province", "street_address", "postal_code", "permitted_dns_domains", "policy_identifiers",
            "ext_key_usage_oids");
    static final List<String> VISIBLE_RESPONSE = List.of("certificate", "issuing_ca", "serial_number", "error",
            "ca_chain");
    static final List<String> HIDDEN = List.of("private_key", "pem_bundle");

    private static final String REQUEST = "audit_non_hmac_request_keys";
    private static final String RESPONSE = "audit_non_hmac_response_keys";

    private static final List<Param> PARAMS = List.of(Param.strings("ignored_parameters"));

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
        String endpoint = "sys/mounts/" + in.path() + "/tune";
        var blocked = Reads.blocked(NAME, in.tune(), endpoint, "1.9+", "the tune endpoint");
        if (blocked.isPresent()) {
            return List.of(blocked.get());
        }
        MountTune tune = in.tune().optional().orElseThrow();
        // the fix: the CLI loads ignored_parameters and then never looks at it
        Set<String> ignored = Set.copyOf(settings.strings("ignored_parameters"));
        List<CheckResult> results = new ArrayList<>();
        visible(results, endpoint, ignored, REQUEST, VISIBLE_REQUEST, tune.auditNonHmacRequestKeys());
        visible(results, endpoint, ignored, RESPONSE, VISIBLE_RESPONSE, tune.auditNonHmacResponseKeys());
        hidden(results, endpoint, ignored, REQUEST, tune.auditNonHmacRequestKeys());
        hidden(results, endpoint, ignored, RESPONSE, tune.auditNonHmacResponseKeys());
        if (results.isEmpty()) {
            results.add(CheckResult.of(NAME, CheckStatus.OK, endpoint, "Mount audit information is configured"
                    + " appropriately."));
        }
        return results;
    }

    private static void visible(List<CheckResult> results, String endpoint, Set<String> ignored, String source,
                                List<String> expected, List<String> actual) {
        for (String param : expected) {
            if (!actual.contains(param) && !ignored.contains(param)) {
                results.add(CheckResult.about(param, NAME, CheckStatus.INFORMATIONAL, endpoint, "Mount currently HMACs "
                        + param + " because it is not in " + source + "; as this is not a sensitive security"
                        + " parameter, it is encouraged to disable HMACing to allow better auditing of the PKI"
                        + " engine."));
            }
        }
    }

    private static void hidden(List<CheckResult> results, String endpoint, Set<String> ignored, String source,
                               List<String> actual) {
        for (String param : HIDDEN) {
            if (actual.contains(param) && !ignored.contains(param)) {
                results.add(CheckResult.about(param, NAME, CheckStatus.WARNING, endpoint, "Mount currently doesn't"
                        + " HMAC " + param + " because it is in " + source + "; as this is a sensitive security"
                        + " parameter it is encouraged to HMAC it in the Audit logs."));
            }
        }
    }
}
