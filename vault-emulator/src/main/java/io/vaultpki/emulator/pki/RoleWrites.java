package io.vaultpki.emulator.pki;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.go.GoText;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST roles/:name} and {@code DELETE roles/:name}
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#create-update-role, #delete-role), as
 * {@code pathRoleCreate}, {@code validateRole} and {@code pathRoleDelete} in
 * https://github.com/openbao/openbao/blob/main/internal/builtin/logical/pki/path_roles.go: a write replaces the
 * whole role with the request's fields over the field defaults and answers 200 with the role's data (what a read
 * returns), plus a warning when its issuer does not resolve yet; a delete answers 204 whether or not the role
 * existed. The fields the emulator's roles model are taken; others are ignored.
 */
final class RoleWrites {

    /** {@code certutil.ValidateKeyTypeLength}: the bit lengths each key type takes; 0 means the type's default. */
    private static final Map<String, Set<Integer>> KEY_BITS = Map.of(
            "rsa", Set.of(2048, 3072, 4096, 8192),
            "ec", Set.of(224, 256, 384, 521));
    private static final Map<String, Integer> DEFAULT_BITS = Map.of("rsa", 2048, "ec", 256);

    private final PkiStore store;

    RoleWrites(PkiStore store) {
        this.store = store;
    }

    EmulatorResponse write(EmulatorRequest request, String name) {
        Duration ttl = duration(request, "ttl");
        Duration maxTtl = duration(request, "max_ttl");
        if (!maxTtl.isZero() && ttl.compareTo(maxTtl) > 0) {
            return EmulatorResponse.error(400, "\"ttl\" value must be less than \"max_ttl\" value");
        }
        String keyType = IssueFields.orDefault(request.param("key_type"), "rsa");
        int keyBits = Integer.parseInt(IssueFields.orDefault(request.param("key_bits"), "0"));
        String invalidKey = invalidKey(keyType, keyBits);
        if (invalidKey != null) {
            return EmulatorResponse.error(400, invalidKey);
        }
        var spec = RoleSpec.named(name).ttl(ttl).maxTtl(maxTtl)
                .key(keyType, keyBits == 0 ? DEFAULT_BITS.getOrDefault(keyType, 0) : keyBits)
                .allowedDomains(IssueFields.list(request, "allowed_domains").toArray(String[]::new))
                .allowSubdomains(flag(request, "allow_subdomains", false))
                .allowAnyName(flag(request, "allow_any_name", false))
                .allowBareDomains(flag(request, "allow_bare_domains", false))
                .allowGlobDomains(flag(request, "allow_glob_domains", false))
                .allowWildcardCertificates(flag(request, "allow_wildcard_certificates", true))
                .allowLocalhost(flag(request, "allow_localhost", true))
                .allowIpSans(flag(request, "allow_ip_sans", true))
                .allowedUriSans(IssueFields.list(request, "allowed_uri_sans").toArray(String[]::new))
                .issuerRef(IssueFields.orDefault(request.param("issuer_ref"), "default"))
                .noStore(flag(request, "no_store", false))
                .generateLease(flag(request, "generate_lease", false))
                .requireCn(flag(request, "require_cn", true))
                .useCsrCommonName(flag(request, "use_csr_common_name", true))
                .useCsrSans(flag(request, "use_csr_sans", true))
                .enforceHostnames(flag(request, "enforce_hostnames", true))
                .ou(IssueFields.list(request, "ou").toArray(String[]::new))
                .organization(IssueFields.list(request, "organization").toArray(String[]::new));
        Role role = spec.build();
        List<String> warnings = new ArrayList<>();
        try {
            store.resolve(role.issuerRef());
        } catch (PkiStore.UnknownIssuerException e) {
            warnings.add("default".equals(role.issuerRef())
                    ? "Issuing Certificate was set to default, but no default issuing certificate (configurable at "
                            + "/config/issuers) is currently set"
                    : "Issuing Certificate was set to " + role.issuerRef()
                            + " but no issuing certificate currently has that name");
        }
        store.putRole(role);
        ObjectNode data = MountConfigReads.roleData(role);
        return EmulatorResponse.ok(data, warnings);
    }

    EmulatorResponse delete(String name) {
        store.deleteRole(name);
        return EmulatorResponse.noContent();
    }

    /** {@code certutil.ValidateKeyTypeLength}'s messages (sdk/helper/certutil/helpers.go). */
    private static String invalidKey(String keyType, int keyBits) {
        if (Set.of("any", "ed25519").contains(keyType)) {
            return null;
        }
        Set<Integer> allowed = KEY_BITS.get(keyType);
        if (allowed == null) {
            return "unknown key type " + keyType;
        }
        if (keyBits == 0 || allowed.contains(keyBits)) {
            return null;
        }
        if (keyType.equals("rsa") && keyBits < 2048) {
            return "RSA keys < 2048 bits are unsafe and not supported: got " + keyBits;
        }
        return "unsupported bit length for " + keyType.toUpperCase(java.util.Locale.ROOT) + " key: " + keyBits;
    }

    /** A {@code TypeDurationSecond} field: int seconds or a Go duration string; absent is 0. */
    private static Duration duration(EmulatorRequest request, String field) {
        String text = request.param(field);
        try {
            return text == null || text.isBlank() ? Duration.ZERO : GoText.parseDuration(text);
        } catch (ArithmeticException e) {
            // a duration no Go time.Duration holds: Vault's field parser refuses it (400)
            throw new IllegalArgumentException("error converting input " + text + " for field \"" + field + "\"", e);
        }
    }

    private static boolean flag(EmulatorRequest request, String field, boolean defaultValue) {
        return GoText.parseBool(request.param(field), defaultValue);
    }
}
