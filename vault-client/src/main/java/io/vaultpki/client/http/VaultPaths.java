package io.vaultpki.client.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins Vault path parts without producing {@code //} (Vault's mux redirects such paths,
 * docs/vault-compatibility.md#client-responses-and-errors) and percent-encodes each segment separately, so nested
 * mounts such as {@code team/a/pki} keep their slashes.
 */
public final class VaultPaths {

    private VaultPaths() {
    }

    /** {@code join("team/a/pki/", "/issuer", "x")} → {@code team/a/pki/issuer/x}. */
    public static String join(String... parts) {
        List<String> segments = new ArrayList<>();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            for (String s : part.split("/")) {
                if (!s.isEmpty()) {
                    segments.add(s);
                }
            }
        }
        return String.join("/", segments);
    }

    /** A mount path without leading or trailing slashes; rejects empty, {@code .} and {@code ..} segments. */
    public static String mount(String mount) {
        String m = join(mount);
        if (m.isEmpty()) {
            throw new IllegalArgumentException("mount path must not be empty");
        }
        for (String s : m.split("/")) {
            if (s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException("mount path must not contain '" + s + "': " + mount);
            }
        }
        return m;
    }

    /** Percent-encodes every segment of a joined path; {@code /} separators stay. */
    public static String encode(String path) {
        StringBuilder sb = new StringBuilder();
        for (String segment : join(path).split("/", -1)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(encodeSegment(segment));
        }
        return sb.toString();
    }

    static String encodeSegment(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '@') {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
