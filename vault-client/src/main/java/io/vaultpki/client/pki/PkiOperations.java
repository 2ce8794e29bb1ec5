package io.vaultpki.client.pki;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.client.cert.CertificateParser;
import io.vaultpki.client.cert.CrlParser;
import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.client.cert.ParsedCrl;
import io.vaultpki.client.cert.SerialNumbers;
import io.vaultpki.client.http.JsonResponses;
import io.vaultpki.client.http.VaultExecutor;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.http.VaultPaths;
import io.vaultpki.client.http.VaultRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PKI secrets engine at one mount, e.g. {@code pki} or the nested {@code team/a/pki} (a trailing slash is
 * accepted). Every method names the Vault call and links its API documentation; what the code relies on beyond it is
 * in docs/vault-compatibility.md#client-pki. Lists that Vault answers with an empty 404 are returned as empty lists.
 */
public final class PkiOperations {

    private final String mount;
    private final VaultExecutor executor;

    /** Operations on {@code mount}; normally obtained with {@code VaultClient.pki(mount)}. */
    public PkiOperations(String mount, VaultExecutor executor) {
        this.mount = VaultPaths.mount(mount);
        this.executor = executor;
    }

    /** The mount path without slashes at either end, e.g. {@code team/a/pki}. */
    public String mount() {
        return mount;
    }

    /**
     * {@code LIST :mount/issuers} (https://developer.hashicorp.com/vault/api-docs/secret/pki#list-issuers).
     *
     * @return issuers in Vault's order, empty when the mount has none
     * @throws MultiIssuerUnsupportedException on Vault before 1.11 ({@code unsupported path}); then use
     *                                         {@link #readDefaultCa()}
     */
    public List<IssuerSummary> listIssuers() {
        VaultRequest req = VaultRequest.list(path("issuers"));
        JsonNode data;
        try {
            data = JsonResponses.data(req, executor.execute(req));
        } catch (VaultNotFoundException e) {
            if (e.isEmpty()) {
                return List.of();
            }
            if (e.isUnsupportedPath()) {
                throw new MultiIssuerUnsupportedException(e);
            }
            throw e;
        }
        List<IssuerSummary> out = new ArrayList<>();
        JsonNode info = data.path("key_info");
        for (String id : JsonResponses.strings(data.get("keys"))) {
            JsonNode i = info.path(id);
            out.add(new IssuerSummary(id, i.path("issuer_name").asText(""), i.path("is_default").asBoolean(false),
                    i.path("serial_number").asText(""), i.path("key_id").asText("")));
        }
        return List.copyOf(out);
    }

    /**
     * {@code GET :mount/cert/ca} (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-issuer-certificate):
     * the default issuer's certificate, the pre-1.11 way to read the mount's single CA. The fallback when
     * {@link #listIssuers()} throws {@link MultiIssuerUnsupportedException}.
     *
     * @return empty when the mount has no CA (404, or 400 {@code no default issuer})
     */
    public Optional<ParsedCertificate> readDefaultCa() {
        VaultRequest req = VaultRequest.get(path("cert", "ca"));
        try {
            JsonNode data = JsonResponses.data(req, executor.execute(req));
            String pem = data.path("certificate").asText("");
            return pem.isBlank() ? Optional.empty() : Optional.of(CertificateParser.parse(req.path(), pem));
        } catch (VaultNotFoundException e) {
            if (e.isEmpty()) {
                return Optional.empty();
            }
            throw e;
        } catch (io.vaultpki.client.http.VaultResponseException e) {
            if (e.status() == 400 && e.hasError("no default issuer")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * {@code GET :mount/issuer/:ref} (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-issuer). An
     * unknown reference is a 500 {@link io.vaultpki.client.http.VaultServerException} with
     * {@code isPkiReferenceError()}.
     */
    public Issuer readIssuer(String ref) {
        return readIssuer(ref, true);
    }

    /**
     * {@code GET :mount/issuer/:ref}, parsing the {@code ca_chain} only when {@code withChain}: without it the
     * {@link Issuer#caChain()} is empty, which spares parsing (and for a root, verifying) every certificate of the
     * chain again when only the issuer itself matters, as for a monitor reading a thousand issuers.
     */
    public Issuer readIssuer(String ref, boolean withChain) {
        VaultRequest req = VaultRequest.get(path("issuer", requireRef(ref)));
        JsonNode data = JsonResponses.data(req, executor.execute(req));
        ParsedCertificate cert = CertificateParser.parse(req.path(), JsonResponses.text(req, data, "certificate"));
        List<ParsedCertificate> chain = new ArrayList<>();
        for (String pem : withChain ? JsonResponses.strings(data.get("ca_chain")) : List.<String>of()) {
            chain.add(CertificateParser.parse(req.path(), pem));
        }
        String usage = data.path("usage").asText("");
        return new Issuer(JsonResponses.text(req, data, "issuer_id"), data.path("issuer_name").asText(""),
                data.path("key_id").asText(""), cert, List.copyOf(chain),
                usage.isEmpty() ? List.of() : List.of(usage.split(",")),
                data.path("leaf_not_after_behavior").asText(""), data.path("revoked").asBoolean(false));
    }

    /**
     * {@code GET :mount/issuer/:ref/crl} (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-issuer-crl);
     * the PEM is in {@code data.crl}.
     */
    public ParsedCrl readIssuerCrl(String ref) {
        VaultRequest req = VaultRequest.get(path("issuer", requireRef(ref), "crl"));
        JsonNode data = JsonResponses.data(req, executor.execute(req));
        return CrlParser.parse(req.path(), data.path("crl").asText(""));
    }

    /**
     * {@code GET :mount/issuer/:ref/crl} with {@code If-Modified-Since: since}, or unconditionally when {@code since}
     * is null (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-issuer-crl). How Vault answers (one
     * change time per mount, only where the tune passes the header through) is in {@link ConditionalRead}.
     *
     * @param since the {@link ConditionalRead#serverDate()} of the read that gave the caller's copy, or null
     * @return the CRL, or nothing on 304; and Vault's {@code Date}
     */
    public ConditionalRead<ParsedCrl> readIssuerCrlIfModifiedSince(String ref, Instant since) {
        return ConditionalCrlRead.read(executor, path("issuer", requireRef(ref), "crl"), since);
    }

    /**
     * {@code GET :mount/issuer/:ref/crl/delta} (Vault 1.12+,
     * https://developer.hashicorp.com/vault/api-docs/secret/pki#read-issuer-crl): the issuer's delta CRL.
     *
     * @return empty when Vault has none stored ({@code crl: ""}); on an older Vault the
     *         {@link VaultNotFoundException} has {@code isUnsupportedPath()}
     */
    public Optional<ParsedCrl> readDeltaCrl(String issuerRef) {
        VaultRequest req = VaultRequest.get(path("issuer", requireRef(issuerRef), "crl", "delta"));
        String pem = JsonResponses.data(req, executor.execute(req)).path("crl").asText("");
        return pem.isBlank() ? Optional.empty() : Optional.of(CrlParser.parse(req.path(), pem));
    }

    /** The mount's configuration reads (CRL, keys, auto-tidy, tidy status, ACME, cluster). */
    public PkiConfigReads config() {
        return new PkiConfigReads(mount, executor);
    }

    /**
     * {@code GET :mount/cert/crl}: the default issuer's CRL, the PEM in {@code data.certificate}
     * (docs/vault-compatibility.md#client-pki).
     */
    public ParsedCrl readCrl() {
        VaultRequest req = VaultRequest.get(path("cert", "crl"));
        JsonNode data = JsonResponses.data(req, executor.execute(req));
        return CrlParser.parse(req.path(), data.path("certificate").asText(""));
    }

    /**
     * {@code LIST :mount/certs} (https://developer.hashicorp.com/vault/api-docs/secret/pki#list-certificates): serials
     * in colon-hex form; empty when none.
     */
    public List<String> listCertificates() {
        return listKeys(path("certs"));
    }

    /**
     * {@code LIST :mount/certs/revoked}
     * (https://developer.hashicorp.com/vault/api-docs/secret/pki#list-revoked-certificates): revoked serials; empty
     * when none.
     */
    public List<String> listRevoked() {
        return listKeys(path("certs", "revoked"));
    }

    /**
     * {@code LIST :mount/roles} (https://developer.hashicorp.com/vault/api-docs/secret/pki#list-roles): role names;
     * empty when none.
     */
    public List<String> listRoles() {
        return listKeys(path("roles"));
    }

    /**
     * {@code GET :mount/cert/:serial} (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-certificate). The
     * serial may use {@code :} or {@code -}, any case.
     *
     * @return empty for an unknown serial
     */
    public Optional<CertificateRecord> readCertificate(String serial) {
        VaultRequest req = VaultRequest.get(path("cert", SerialNumbers.normalize(serial)));
        Optional<JsonNode> found = PkiPaths.dataOrEmpty(executor, req);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JsonNode data = found.get();
        ParsedCertificate cert = CertificateParser.parse(req.path(), JsonResponses.text(req, data, "certificate"));
        long revokedAt = data.path("revocation_time").asLong(0);
        String rfc3339 = data.path("revocation_time_rfc3339").asText("");
        Optional<Instant> revocation = Optional.empty();
        if (!rfc3339.isEmpty()) {
            revocation = Optional.of(Instant.parse(rfc3339));
        } else if (revokedAt > 0) {
            revocation = Optional.of(Instant.ofEpochSecond(revokedAt));
        }
        String issuerId = data.path("issuer_id").asText("");
        return Optional.of(new CertificateRecord(cert, revocation,
                issuerId.isEmpty() ? Optional.empty() : Optional.of(issuerId)));
    }

    /**
     * {@code POST :mount/issue/:role}, or {@code POST :mount/issuer/:ref/issue/:role} when
     * {@link IssueRequest#issuerRef()} is set
     * (https://developer.hashicorp.com/vault/api-docs/secret/pki#generate-certificate-and-key).
     */
    public IssuedCertificate issue(String role, IssueRequest request) {
        String p = request.issuerRef() == null
                ? path("issue", requireRef(role))
                : path("issuer", requireRef(request.issuerRef()), "issue", requireRef(role));
        VaultRequest req = VaultRequest.post(p, request.body());
        return IssueResponses.read(req, executor.execute(req), true);
    }

    /**
     * {@code POST :mount/sign/:role}, or {@code POST :mount/issuer/:ref/sign/:role} when
     * {@link SignRequest#issuerRef()} is set
     * (https://developer.hashicorp.com/vault/api-docs/secret/pki#sign-certificate).
     */
    public IssuedCertificate sign(String role, String csrPem, SignRequest request) {
        if (csrPem == null || csrPem.isBlank()) {
            throw new IllegalArgumentException("csr must not be empty");
        }
        String p = request.issuerRef() == null
                ? path("sign", requireRef(role))
                : path("issuer", requireRef(request.issuerRef()), "sign", requireRef(role));
        VaultRequest req = VaultRequest.post(p, request.body(csrPem));
        return IssueResponses.read(req, executor.execute(req), false);
    }

    /**
     * {@code POST :mount/revoke} with {@code serial_number}
     * (https://developer.hashicorp.com/vault/api-docs/secret/pki#revoke-certificate). An already revoked certificate
     * answers its original time, an expired one {@link RevocationResult#expired()}; an unknown serial is Vault's 400.
     */
    public RevocationResult revoke(String serial) {
        return Revocations.revoke(executor, path("revoke"), serial);
    }

    /**
     * {@code GET :mount/roles/:name} (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-role).
     *
     * @return empty when the role does not exist
     */
    public Optional<Role> readRole(String name) {
        VaultRequest req = VaultRequest.get(path("roles", requireRef(name)));
        return PkiPaths.dataOrEmpty(executor, req).map(data -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = JsonResponses.mapper().convertValue(data, Map.class);
            return new Role(name, fields);
        });
    }

    private List<String> listKeys(String p) {
        return PkiPaths.listKeys(executor, p);
    }

    private String path(String... parts) {
        return PkiPaths.join(mount, parts);
    }

    static String requireRef(String ref) {
        return PkiPaths.requireRef(ref);
    }

    @Override
    public String toString() {
        return "PkiOperations[" + mount + "]";
    }
}
