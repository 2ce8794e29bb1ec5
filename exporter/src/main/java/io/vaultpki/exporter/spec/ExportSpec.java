package io.vaultpki.exporter.spec;

import io.vaultpki.exporter.window.RenewWindow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one export is: its name, where its certificate comes from, and which files it writes. Immutable; a changed
 * spec is a new instance with a different {@link #specHash()}.
 *
 * <p>Which fields matter depends on the source: {@code issue} needs mount, role and common name; {@code sign} needs
 * mount, role and CSR; {@code issuer} needs mount (issuer reference defaults to {@code default}); {@code certificate}
 * needs mount and serial. {@link SpecValidator} checks this.
 *
 * @param name        export name, {@code ^[a-z0-9][a-z0-9._-]{0,62}$}; also its directory name
 * @param source      where the certificate comes from
 * @param mount       PKI mount path without slashes at either end ({@code pki_int}, {@code team/a/pki})
 * @param role        role for issue and sign
 * @param issuerRef   issuer ID, name or {@code default}; for issue/sign optional (the role's issuer)
 * @param serial      certificate serial (certificate source), colon-hex or plain hex
 * @param commonName  CN for issue (and optionally sign, overriding the CSR's)
 * @param altNames    DNS SANs
 * @param ipSans      IP SANs
 * @param uriSans     URI SANs
 * @param ttl         requested TTL; {@code null} leaves it to the role
 * @param keyType     expected key type of issued certificates ({@code rsa}, {@code ec}, {@code ed25519}); {@code null} accepts the role's
 * @param keyBits     expected key size; 0 accepts any
 * @param csr         PEM CSR for the sign source
 * @param formats     chosen formats; files needing a key are skipped for public-only sources
 * @param naming      file naming profile
 * @param renewBefore fixed renewal window before expiry; {@code null} renews at 2/3 of the actual lifetime
 * @param hook        name of a hook configured under {@code exporter.hooks}, run after each switch; {@code null} for
 *                    none. Only the name: the command itself never comes from a spec
 * @param legacyInlineHook whether the persisted spec of an older version carried an inline hook command; that
 *                    command is never run, and the flag only lets status and metrics say so
 * @param revokePrevious whether the certificate a switch replaced is revoked in Vault once the readers' grace period
 *                    has passed (issue and sign only: the exporter revokes only serials it minted and recorded)
 * @param renewWindow when planned renewals may happen (issue, sign); {@code null} for any time
 * @param renewWindowFloor remaining validity under which the export renews at once, window or not; {@code null}
 *                    for {@code exporter.renewal.window-floor-percent} of the certificate's lifetime
 */
public record ExportSpec(String name, Source source, String mount, String role, String issuerRef, String serial,
                         String commonName, List<String> altNames, List<String> ipSans, List<String> uriSans,
                         Duration ttl, String keyType, int keyBits, String csr, Set<Format> formats,
                         NamingProfile naming, Duration renewBefore, String hook,
                         boolean legacyInlineHook, boolean revokePrevious,
                         RenewWindow renewWindow, Duration renewWindowFloor) {

    public ExportSpec {
        altNames = altNames == null ? List.of() : List.copyOf(altNames);
        ipSans = ipSans == null ? List.of() : List.copyOf(ipSans);
        uriSans = uriSans == null ? List.of() : List.copyOf(uriSans);
        formats = formats == null || formats.isEmpty() ? EnumSet.copyOf(Format.DEFAULTS) : EnumSet.copyOf(formats);
        naming = naming == null ? NamingProfile.DEFAULT : naming;
        mount = mount == null ? null : trimSlashes(mount);
    }

    /** The files this export writes (besides {@code metadata.json}): key files only for sources that have a key. */
    public Set<ExportFile> files() {
        Set<ExportFile> out = EnumSet.noneOf(ExportFile.class);
        for (Format f : formats) {
            out.addAll(f.files());
        }
        if (!source.providesKey()) {
            out.removeIf(ExportFile::isPrivate);
        }
        return out;
    }

    /** The issuer reference to use: the given one, or {@code default} for issuer exports. */
    public String effectiveIssuerRef() {
        if (issuerRef != null && !issuerRef.isBlank()) {
            return issuerRef;
        }
        return source == Source.ISSUER ? "default" : null;
    }

    /**
     * SHA-256 over everything that decides what Vault is asked for and which files are written, so a change means
     * re-issue and an unchanged hash at start-up means no Vault call. Renewal timing and the hook (its name, and a
     * legacy inline command), revoke-previous and the renew window with its floor are left out: changing them must
     * not mint a new certificate.
     */
    public String specHash() {
        StringBuilder canonical = new StringBuilder();
        field(canonical, "source", source.wire());
        field(canonical, "mount", mount);
        field(canonical, "role", role);
        field(canonical, "issuer_ref", issuerRef);
        field(canonical, "serial", serial);
        field(canonical, "common_name", commonName);
        field(canonical, "alt_names", String.join(",", altNames));
        field(canonical, "ip_sans", String.join(",", ipSans));
        field(canonical, "uri_sans", String.join(",", uriSans));
        field(canonical, "ttl", ttl == null ? null : Long.toString(ttl.toSeconds()));
        field(canonical, "key_type", keyType);
        field(canonical, "key_bits", Integer.toString(keyBits));
        field(canonical, "csr", csr == null ? null : csr.strip());
        TreeSet<String> fmt = new TreeSet<>();
        formats.forEach(f -> fmt.add(f.wire()));
        field(canonical, "formats", String.join(",", fmt));
        field(canonical, "naming", naming.wire());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder sb, String key, String value) {
        // length-prefixed so that no two different specs share a canonical form
        String v = value == null ? "\u0000" : value;
        sb.append(key).append('=').append(v.length()).append(':').append(v).append('\n');
    }

    private static String trimSlashes(String mount) {
        String m = mount.trim();
        while (m.startsWith("/")) {
            m = m.substring(1);
        }
        while (m.endsWith("/")) {
            m = m.substring(0, m.length() - 1);
        }
        return m;
    }

    /** A builder, mainly for tests and the API's body mapping. */
    public static Builder builder(String name, Source source) {
        return new Builder(name, source);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name, source);
        b.mount = mount;
        b.role = role;
        b.issuerRef = issuerRef;
        b.serial = serial;
        b.commonName = commonName;
        b.altNames = altNames;
        b.ipSans = ipSans;
        b.uriSans = uriSans;
        b.ttl = ttl;
        b.keyType = keyType;
        b.keyBits = keyBits;
        b.csr = csr;
        b.formats = formats;
        b.naming = naming;
        b.renewBefore = renewBefore;
        b.hook = hook;
        b.legacyInlineHook = legacyInlineHook;
        b.revokePrevious = revokePrevious;
        b.renewWindow = renewWindow;
        b.renewWindowFloor = renewWindowFloor;
        return b;
    }

    /** Mutable builder for {@link ExportSpec}. */
    public static final class Builder {
        private String name;
        private Source source;
        private String mount;
        private String role;
        private String issuerRef;
        private String serial;
        private String commonName;
        private List<String> altNames = List.of();
        private List<String> ipSans = List.of();
        private List<String> uriSans = List.of();
        private Duration ttl;
        private String keyType;
        private int keyBits;
        private String csr;
        private Set<Format> formats = Format.DEFAULTS;
        private NamingProfile naming = NamingProfile.DEFAULT;
        private Duration renewBefore;
        private String hook;
        private boolean legacyInlineHook;
        private boolean revokePrevious;
        private RenewWindow renewWindow;
        private Duration renewWindowFloor;

        private Builder(String name, Source source) {
            this.name = name;
            this.source = source;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder source(Source v) { this.source = v; return this; }
        public Builder mount(String v) { this.mount = v; return this; }
        public Builder role(String v) { this.role = v; return this; }
        public Builder issuerRef(String v) { this.issuerRef = v; return this; }
        public Builder serial(String v) { this.serial = v; return this; }
        public Builder commonName(String v) { this.commonName = v; return this; }
        public Builder altNames(List<String> v) { this.altNames = v; return this; }
        public Builder ipSans(List<String> v) { this.ipSans = v; return this; }
        public Builder uriSans(List<String> v) { this.uriSans = v; return this; }
        public Builder ttl(Duration v) { this.ttl = v; return this; }
        public Builder keyType(String v) { this.keyType = v; return this; }
        public Builder keyBits(int v) { this.keyBits = v; return this; }
        public Builder csr(String v) { this.csr = v; return this; }
        public Builder formats(Set<Format> v) { this.formats = v; return this; }
        public Builder formats(Format... v) { this.formats = v.length == 0 ? Format.DEFAULTS : EnumSet.of(v[0], v); return this; }
        public Builder naming(NamingProfile v) { this.naming = v; return this; }
        public Builder renewBefore(Duration v) { this.renewBefore = v; return this; }
        public Builder hook(String v) { this.hook = v; return this; }
        public Builder legacyInlineHook(boolean v) { this.legacyInlineHook = v; return this; }
        public Builder revokePrevious(boolean v) { this.revokePrevious = v; return this; }
        public Builder renewWindow(RenewWindow v) { this.renewWindow = v; return this; }
        public Builder renewWindowFloor(Duration v) { this.renewWindowFloor = v; return this; }

        public ExportSpec build() {
            return new ExportSpec(name, source, mount, role, issuerRef, serial, commonName, altNames, ipSans, uriSans,
                    ttl, keyType, keyBits, csr, formats, naming, renewBefore, hook, legacyInlineHook, revokePrevious,
                    renewWindow, renewWindowFloor);
        }
    }
}
