package io.vaultpki.exporter.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * The configured API tokens, held only as SHA-256 hashes. A presented token is hashed and compared with every entry
 * in constant time ({@link MessageDigest#isEqual}), without stopping at the first match, so timing reveals neither
 * which token nor how much of it matched.
 */
public final class ApiTokens {

    /** One configured token: its hash and the principal it authenticates. */
    record Entry(byte[] sha256, ApiPrincipal principal) {
    }

    private final List<Entry> entries;

    ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** No tokens: the API serves nothing (secure by default). */
    public static ApiTokens none() {
        return new ApiTokens(List.of());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The principals in configuration order ({@code exporter.api.tokens[i]}). */
    List<ApiPrincipal> principals() {
        return entries.stream().map(Entry::principal).toList();
    }

    public int size() {
        return entries.size();
    }

    /** The principal of {@code presented}, or empty for an unknown token. */
    public Optional<ApiPrincipal> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented.getBytes(StandardCharsets.UTF_8));
        ApiPrincipal found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.sha256(), hash) && found == null) {
                found = e.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ApiTokens[" + entries.size() + " token(s)]";
    }
}
