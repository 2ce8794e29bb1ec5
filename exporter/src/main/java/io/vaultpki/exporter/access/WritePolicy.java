package io.vaultpki.exporter.access;

import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code write} token may ask Vault for: the anti-confused-deputy rule. The exporter's own Vault token can
 * mint anything its role allows; an API client gets only the sources, mounts, roles and names listed here. A list
 * left out of the configuration allows anything for that dimension; {@code alt-names} falls back to
 * {@code common-names}, so one list of name patterns covers the CN and every SAN.
 *
 * @param sources     allowed sources ({@code issue}, {@code sign}, ...); {@code null} for any
 * @param mounts      mount globs; {@code null} for any
 * @param roles       role globs; {@code null} for any
 * @param commonNames CN globs (case-insensitive); {@code null} for any
 * @param altNames    globs for DNS, IP and URI SANs (case-insensitive); {@code null} to use {@code commonNames}
 */
public record WritePolicy(List<Source> sources, List<Glob> mounts, List<Glob> roles, List<Glob> commonNames,
                          List<Glob> altNames) {

    /** No restriction beyond the {@code write} scope itself. */
    public static final WritePolicy UNRESTRICTED = new WritePolicy(null, null, null, null, null);

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
