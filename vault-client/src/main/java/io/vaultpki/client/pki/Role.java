package io.vaultpki.client.pki;

import io.vaultpki.client.GoDurations;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code GET :mount/roles/:name} (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-role): the role fields
 * as an open map plus typed accessors for the ones the applications use (the PKI health checks read
 * {@code allow_localhost}, {@code allowed_domains}, {@code allow_wildcard_certificates}, {@code allow_glob_domains},
 * {@code no_store}, {@code max_ttl}, {@code ttl}, {@code issuer_ref}, {@code key_type}). Durations accept the integer seconds the code
 * emits and the strings the docs show.
 *
 * @param name   role name
 * @param fields every field Vault returned
 */
public record Role(String name, Map<String, Object> fields) {

    public Role {
        fields = Map.copyOf(fields.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** {@code key_type}: {@code rsa}, {@code ec}, {@code ed25519} or {@code any}. */
    public String keyType() {
        return String.valueOf(fields.getOrDefault("key_type", ""));
    }

    public int keyBits() {
        return fields.get("key_bits") instanceof Number n ? n.intValue() : 0;
    }

    /** {@code issuer_ref}, {@code default} when absent. */
    public String issuerRef() {
        return String.valueOf(fields.getOrDefault("issuer_ref", "default"));
    }

    /** {@code ttl}, zero when unset. */
    public Duration ttl() {
        return duration("ttl");
    }

    /** {@code max_ttl}, zero when unset. */
    public Duration maxTtl() {
        return duration("max_ttl");
    }

    @SuppressWarnings("unchecked")
    public List<String> allowedDomains() {
        return fields.get("allowed_domains") instanceof List<?> l ? (List<String>) l : List.of();
    }

    /** {@code allow_localhost}; Vault's default {@code true} when absent. */
    public boolean allowLocalhost() {
        return flag("allow_localhost", true);
    }

    /**
     * {@code allow_wildcard_certificates}; {@code true} when absent, as Vault before 1.8.9 (which lacks the field)
     * issued wildcards whenever the names allowed them.
     */
    public boolean allowWildcardCertificates() {
        return flag("allow_wildcard_certificates", true);
    }

    /** {@code allow_glob_domains}; {@code false} when absent. */
    public boolean allowGlobDomains() {
        return flag("allow_glob_domains", false);
    }

    /** {@code no_store}: issued certificates are not stored (nor revocable by serial); {@code false} when absent. */
    public boolean noStore() {
        return flag("no_store", false);
    }

    /**
     * Any boolean field as Vault sent it; empty when absent (e.g. {@code allow_wildcard_certificates} before Vault
     * 1.8.9) or not a JSON boolean.
     */
    public java.util.Optional<Boolean> flag(String field) {
        return fields.get(field) instanceof Boolean b ? java.util.Optional.of(b) : java.util.Optional.empty();
    }

    private boolean flag(String field, boolean absent) {
        return flag(field).orElse(absent);
    }

    private Duration duration(String field) {
        Object v = fields.get(field);
        if (v instanceof Number n) {
            return Duration.ofSeconds(n.longValue());
        }
        if (v instanceof String s && !s.isBlank()) {
            return GoDurations.parse(s).orElse(Duration.ZERO);
        }
        return Duration.ZERO;
    }
}
