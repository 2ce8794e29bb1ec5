package io.vaultpki.client.pki;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fields of {@code POST :mount/sign/:role} besides the CSR
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#sign-certificate). All optional: by default the role takes
 * the common name and SANs from the CSR.
 *
 * @param commonName {@code common_name}
 * @param altNames   {@code alt_names}
 * @param ttl        {@code ttl}
 * @param format     {@code pem} (default), {@code der} or {@code pem_bundle}
 * @param issuerRef  sign through {@code issuer/:ref/sign/:role}
 */
public record SignRequest(String commonName, List<String> altNames, Duration ttl, String format, String issuerRef) {

    public SignRequest {
        altNames = altNames == null ? List.of() : List.copyOf(altNames);
        if (issuerRef != null && issuerRef.isBlank()) {
            throw new IllegalArgumentException("issuerRef must not be blank; use null for the role's issuer");
        }
    }

    /** Everything from the CSR and the role. */
    public static SignRequest fromCsr() {
        return new SignRequest(null, null, null, null, null);
    }

    public SignRequest withTtl(Duration newTtl) {
        return new SignRequest(commonName, altNames, newTtl, format, issuerRef);
    }

    public SignRequest withIssuerRef(String ref) {
        return new SignRequest(commonName, altNames, ttl, format, ref);
    }

    public SignRequest withCommonName(String cn) {
        return new SignRequest(cn, altNames, ttl, format, issuerRef);
    }

    Map<String, Object> body(String csrPem) {
        IssueRequest fields = new IssueRequest(commonName, altNames, null, null, ttl, format, null, null, false);
        Map<String, Object> body = fields.body();
        body.put("csr", csrPem);
        return body;
    }
}
