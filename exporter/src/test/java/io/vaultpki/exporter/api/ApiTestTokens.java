package io.vaultpki.exporter.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** The API tokens the HTTP tests configure, as flattened properties the way environment variables would set them. */
public final class ApiTestTokens {

    public static final String READER = "reader-token-0123456789abcdef";
    public static final String WRITER = "writer-token-0123456789abcdef";
    public static final String KEYS = "keys-token-0123456789abcdef";
    public static final String WRITE_ONLY = "writeonly-token-0123456789ab";

    private ApiTestTokens() {
    }

    public static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("exporter.api.tokens[0].name", "reader");
        p.put("exporter.api.tokens[0].sha256", sha256(READER));
        p.put("exporter.api.tokens[0].scopes", "read");
        p.put("exporter.api.tokens[1].name", "deployer");
        p.put("exporter.api.tokens[1].sha256", sha256(WRITER));
        p.put("exporter.api.tokens[1].scopes", "read,write");
        p.put("exporter.api.tokens[1].policy.sources", "issue");
        p.put("exporter.api.tokens[1].policy.mounts", "pki_int");
        p.put("exporter.api.tokens[1].policy.roles", "web");
        p.put("exporter.api.tokens[1].policy.common-names", "*.example.com");
        p.put("exporter.api.tokens[2].name", "nginx");
        p.put("exporter.api.tokens[2].sha256", sha256(KEYS));
        p.put("exporter.api.tokens[2].scopes", "read,keys");
        p.put("exporter.api.tokens[2].exports", "web*");
        p.put("exporter.api.tokens[3].name", "ci");
        p.put("exporter.api.tokens[3].sha256", sha256(WRITE_ONLY));
        p.put("exporter.api.tokens[3].scopes", "write");
        return p;
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
