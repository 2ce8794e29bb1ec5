package io.vaultpki.client.pki;

import io.vaultpki.client.GoDurations;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code GET :mount/roles/:name} (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-role): the role fields
 * as an open map plus typed accessors for the ones the applications use. Durations accept the integer seconds the code
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
