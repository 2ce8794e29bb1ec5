package io.vaultpki.emulator.pki;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Flavor;

import java.util.List;

/** Roles and {@code config/urls} (3.12, 3.13); the health-check reads are in {@link HealthConfigReads}. */
final class MountConfigReads {

    private final PkiStore store;
    private final Flavor flavor;

    MountConfigReads(PkiStore store, Flavor flavor) {
        this.store = store;
        this.flavor = flavor;
    }

    EmulatorResponse listRoles(EmulatorRequest request) {
        return Listing.respond(request, flavor, store.roleNames(), null);
    }

    /** Role fields as Vault's {@code ToResponseData} emits them; durations as int seconds. */
    EmulatorResponse readRole(String name) {
        return store.role(name).map(role -> EmulatorResponse.ok(roleData(role))).orElseGet(EmulatorResponse::notFound);
    }

    EmulatorResponse urls() {
        ObjectNode data = PkiJson.object();
        data.set("issuing_certificates", PkiJson.array(List.of()));
        data.set("crl_distribution_points", PkiJson.array(List.of()));
        data.set("ocsp_servers", PkiJson.array(List.of()));
        data.put("enable_templating", false);
        if (flavor == Flavor.OPENBAO) {
            data.set("delta_crl_distribution_points", PkiJson.array(List.of()));
        }
        return EmulatorResponse.ok(data);
    }

    static ObjectNode roleData(Role role) {
        ObjectNode data = PkiJson.object()
                .put("ttl", role.ttl().getSeconds())
                .put("max_ttl", role.maxTtl().getSeconds())
                .put("not_before_duration", 30)
                .put("allow_localhost", role.allowLocalhost())
                .put("allow_bare_domains", role.allowBareDomains())
                .put("allow_subdomains", role.allowSubdomains())
                .put("allow_glob_domains", role.allowGlobDomains())
                .put("allow_wildcard_certificates", role.allowWildcardCertificates())
                .put("allow_any_name", role.allowAnyName())
                .put("allow_ip_sans", role.allowIpSans())
                .put("allowed_domains_template", false)
                .put("allowed_uri_sans_template", false)
                .put("allow_token_displayname", false)
                .put("enforce_hostnames", role.enforceHostnames())
                .put("server_flag", true)
                .put("client_flag", true)
                .put("code_signing_flag", false)
                .put("email_protection_flag", false)
                .put("use_csr_common_name", role.useCsrCommonName())
                .put("use_csr_sans", role.useCsrSans())
                .put("use_pss", false)
                .put("no_store", role.noStore())
                .put("require_cn", role.requireCn())
                .put("basic_constraints_valid_for_non_ca", false)
                .put("key_type", role.keyType())
                .put("key_bits", role.keyBits())
                .put("signature_bits", 256)
                .put("not_after", "")
                .put("issuer_ref", role.issuerRef())
                .put("generate_lease", role.generateLease());
        data.set("allowed_domains", PkiJson.array(role.allowedDomains()));
        data.set("allowed_uri_sans", PkiJson.array(role.allowedUriSans()));
        data.set("ou", PkiJson.array(role.ou()));
        data.set("organization", PkiJson.array(role.organization()));
        for (String empty : List.of("allowed_other_sans", "allowed_serial_numbers", "allowed_user_ids", "country",
                "locality", "province", "street_address", "postal_code", "policy_identifiers", "ext_key_usage_oids")) {
            data.set(empty, PkiJson.array(List.of()));
        }
        data.set("cn_validations", PkiJson.array(List.of("email", "hostname")));
        data.set("key_usage", PkiJson.array(List.of("DigitalSignature", "KeyAgreement", "KeyEncipherment")));
        data.set("ext_key_usage", PkiJson.array(List.of()));
        return data;
    }
}
