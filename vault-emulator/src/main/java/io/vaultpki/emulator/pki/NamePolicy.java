package io.vaultpki.emulator.pki;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a role allows a common name or DNS/email SAN (Vault's {@code validateNames}, simplified). */
final class NamePolicy {

    private NamePolicy() {
    }

    static boolean allows(Role role, String name) {
        if (role.allowAnyName()) {
            return true;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("@")) {
            n = n.substring(n.indexOf('@') + 1);
        }
        if (role.allowLocalhost() && (n.equals("localhost") || n.equals("localhost.localdomain"))) {
            return true;
        }
        boolean wildcard = n.startsWith("*.");
        String base = wildcard ? n.substring(2) : n;
        for (String domain : role.allowedDomains()) {
            String d = domain.toLowerCase(Locale.ROOT);
            if (role.allowGlobDomains() && d.contains("*") && glob(d).matcher(n).matches()) {
                return true;
            }
            if (!wildcard && role.allowBareDomains() && base.equals(d)) {
                return true;
            }
            if (role.allowSubdomains() && (base.endsWith("." + d) || (wildcard && base.equals(d)))) {
                return true;
            }
        }
        return false;
    }

    /** ryanuber/go-glob: {@code *} matches any run of characters, dots included. */
    static Pattern glob(String pattern) {
        var sb = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!sb.isEmpty()) {
                sb.append(".*");
            }
            sb.append(Pattern.quote(part));
        }
        return Pattern.compile(sb.toString());
    }
}
