package io.vaultpki.client.pki;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fields of {@code POST :mount/issue/:role}
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#generate-certificate-and-key). Start with
 * {@link #of(String)} and add fields with the {@code with…} methods. Null or empty fields are not sent, so the role's
 * defaults apply.
 *
 * @param commonName           {@code common_name}
 * @param altNames             {@code alt_names} (DNS names / e-mails)
 * @param ipSans               {@code ip_sans}
 * @param uriSans              {@code uri_sans}
 * @param ttl                  {@code ttl}; Vault caps it at the role's max_ttl with a warning
 * @param format               {@code pem} (default), {@code der} or {@code pem_bundle}
 * @param privateKeyFormat     {@code der} (default, PKCS#1/SEC1) or {@code pkcs8}
 * @param issuerRef            issue through {@code issuer/:ref/issue/:role} instead of the role's issuer
 * @param removeRootsFromChain {@code remove_roots_from_chain}
 */
public record IssueRequest(String commonName, List<String> altNames, List<String> ipSans, List<String> uriSans,
                           Duration ttl, String format, String privateKeyFormat, String issuerRef,
                           boolean removeRootsFromChain) {

    public IssueRequest {
        altNames = altNames == null ? List.of() : List.copyOf(altNames);
        ipSans = ipSans == null ? List.of() : List.copyOf(ipSans);
        uriSans = uriSans == null ? List.of() : List.copyOf(uriSans);
        if (issuerRef != null && issuerRef.isBlank()) {
            throw new IllegalArgumentException("issuerRef must not be blank; use null for the role's issuer");
        }
    }

    /** A request for {@code common_name}; everything else from the role. */
    public static IssueRequest of(String commonName) {
        return new IssueRequest(commonName, null, null, null, null, null, null, null, false);
    }

    public IssueRequest withAltNames(String... names) {
        return new IssueRequest(commonName, List.of(names), ipSans, uriSans, ttl, format, privateKeyFormat, issuerRef, removeRootsFromChain);
    }

    public IssueRequest withIpSans(String... ips) {
        return new IssueRequest(commonName, altNames, List.of(ips), uriSans, ttl, format, privateKeyFormat, issuerRef, removeRootsFromChain);
    }

    public IssueRequest withUriSans(String... uris) {
        return new IssueRequest(commonName, altNames, ipSans, List.of(uris), ttl, format, privateKeyFormat, issuerRef, removeRootsFromChain);
    }

    public IssueRequest withTtl(Duration newTtl) {
        return new IssueRequest(commonName, altNames, ipSans, uriSans, newTtl, format, privateKeyFormat, issuerRef, removeRootsFromChain);
    }

    public IssueRequest withFormat(String newFormat) {
        return new IssueRequest(commonName, altNames, ipSans, uriSans, ttl, newFormat, privateKeyFormat, issuerRef, removeRootsFromChain);
    }

    public IssueRequest withPrivateKeyFormat(String keyFormat) {
        return new IssueRequest(commonName, altNames, ipSans, uriSans, ttl, format, keyFormat, issuerRef, removeRootsFromChain);
    }

    public IssueRequest withIssuerRef(String ref) {
        return new IssueRequest(commonName, altNames, ipSans, uriSans, ttl, format, privateKeyFormat, ref, removeRootsFromChain);
    }

    public IssueRequest withRemoveRootsFromChain(boolean remove) {
        return new IssueRequest(commonName, altNames, ipSans, uriSans, ttl, format, privateKeyFormat, issuerRef, remove);
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "common_name", commonName);
        putIfSet(body, "alt_names", String.join(",", altNames));
        putIfSet(body, "ip_sans", String.join(",", ipSans));
        putIfSet(body, "uri_sans", String.join(",", uriSans));
        if (ttl != null) {
            body.put("ttl", ttl.toSeconds() + "s");
        }
        putIfSet(body, "format", format);
        putIfSet(body, "private_key_format", privateKeyFormat);
        if (removeRootsFromChain) {
            body.put("remove_roots_from_chain", true);
        }
        return body;
    }

    static void putIfSet(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isEmpty()) {
            body.put(key, value);
        }
    }
}
