package io.vaultpki.exporter.access;

import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code write} token may ask for: the anti-confused-deputy rule. The exporter's own Vault token can mint
 * anything its role allows and the exporter's user can run any command; an API client gets only the sources, mounts,
 * issuers, roles, names and hooks listed here. A Vault dimension left out of the configuration allows anything;
 * {@code alt-names} falls back to {@code common-names}, so one list of name patterns covers the CN and every SAN.
 * {@code hooks} is the exception: left out (or empty) it allows <em>no</em> hook, because naming a hook makes the
 * exporter run an operator's command.
 *
 * @param sources     allowed sources ({@code issue}, {@code sign}, ...); {@code null} for any
 * @param mounts      mount globs; {@code null} for any
 * @param roles       role globs; {@code null} for any
 * @param commonNames CN globs (case-insensitive); {@code null} for any
 * @param altNames    globs for DNS, IP and URI SANs (case-insensitive); {@code null} to use {@code commonNames}
 * @param issuerRefs  globs of the {@code issuer_ref} a spec may name; {@code null} for any. A spec naming none uses
 *                    the role's issuer (issue, sign) or {@code default} (issuer), which is checked as {@code default}
 * @param hooks       globs of the configured hooks a spec may name; {@code null} or empty for none
 */
public record WritePolicy(List<Source> sources, List<Glob> mounts, List<Glob> roles, List<Glob> commonNames,
                          List<Glob> altNames, List<Glob> issuerRefs, List<Glob> hooks) {

    /** No restriction of what Vault is asked for beyond the {@code write} scope itself; no hook. */
    public static final WritePolicy UNRESTRICTED = new WritePolicy(null, null, null, null, null, null, null);

    /** The policy of {@code sources} to {@code altNames}, with any issuer and no hook. */
    public WritePolicy(List<Source> sources, List<Glob> mounts, List<Glob> roles, List<Glob> commonNames,
                       List<Glob> altNames) {
        this(sources, mounts, roles, commonNames, altNames, null, null);
    }

    /**
     * Why {@code spec} is outside this policy, or empty when it is inside.
     *
     * @param defaultMount the mount used when the spec names none ({@code exporter.default-mount}); may be {@code null}
     */
    public Optional<String> refusal(ExportSpec spec, String defaultMount) {
        if (sources != null && (spec.source() == null || !sources.contains(spec.source()))) {
            return Optional.of("source '" + wire(spec.source()) + "' is not allowed for this token");
        }
        String mount = spec.mount() != null && !spec.mount().isBlank() ? spec.mount() : trim(defaultMount);
        if (mounts != null && !anyMatch(mounts, mount)) {
            return Optional.of("mount '" + mount + "' is not allowed for this token");
        }
        if (spec.source() != null && spec.source().renews() && roles != null && !anyMatch(roles, spec.role())) {
            return Optional.of("role '" + spec.role() + "' is not allowed for this token");
        }
        if (issuerRefs != null) {
            String ref = spec.issuerRef() == null || spec.issuerRef().isBlank() ? "default" : spec.issuerRef();
            if (!anyMatch(issuerRefs, ref)) {
                return Optional.of("issuer_ref '" + ref + "' is not allowed for this token (policy.issuer-refs)");
            }
        }
        if (spec.hook() != null && (hooks == null || !anyMatch(hooks, spec.hook()))) {
            return Optional.of("hook '" + spec.hook() + "' is not allowed for this token: its write policy"
                    + (hooks == null || hooks.isEmpty() ? " lists no hooks (policy.hooks)" : " does not list it (policy.hooks)"));
        }
        if (spec.source() == Source.ISSUE || spec.source() == Source.SIGN) {
            return refuseNames(spec);
        }
        return Optional.empty();
    }

    private Optional<String> refuseNames(ExportSpec spec) {
        List<String> cns = new ArrayList<>();
        List<String> sans = new ArrayList<>(spec.altNames());
        sans.addAll(spec.ipSans());
        sans.addAll(spec.uriSans());
        if (spec.commonName() != null && !spec.commonName().isBlank()) {
            cns.add(spec.commonName());
        }
        if (spec.source() == Source.SIGN && spec.csr() != null) {
            // Vault may take the CN and SANs from the CSR (use_csr_common_name, use_csr_sans): check those too
            CsrNames names = CsrNames.of(spec.csr());
            if (spec.commonName() == null || spec.commonName().isBlank()) {
                cns.addAll(names.commonNames());
            }
            sans.addAll(names.subjectAltNames());
        }
        if (commonNames != null) {
            for (String cn : cns) {
                if (!anyMatch(commonNames, cn)) {
                    return Optional.of("common name '" + cn + "' is not allowed for this token");
                }
            }
        }
        List<Glob> sanGlobs = altNames != null ? altNames : commonNames;
        if (sanGlobs != null) {
            for (String san : sans) {
                if (!anyMatch(sanGlobs, san)) {
                    return Optional.of("subject alternative name '" + san + "' is not allowed for this token");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean anyMatch(List<Glob> globs, String value) {
        return value != null && globs.stream().anyMatch(g -> g.matches(value));
    }

    private static String wire(Source source) {
        return source == null ? "" : source.wire();
    }

    private static String trim(String mount) {
        return mount == null ? null : mount.replaceAll("^/+|/+$", "");
    }
}
