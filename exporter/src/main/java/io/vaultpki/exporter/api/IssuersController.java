package io.vaultpki.exporter.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.http.VaultServerException;
import io.vaultpki.client.pki.Issuer;
import io.vaultpki.client.pki.IssuerSummary;
import io.vaultpki.client.pki.MultiIssuerUnsupportedException;
import io.vaultpki.client.sys.SecretsMount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/issuers}: every issuer of every PKI mount the exporter's Vault token sees, and their CA
 * certificate and chain as downloads. Nested mounts ({@code team/a/pki}) are named by the {@code mount} query
 * parameter, never in the path, because encoded slashes in paths are rejected or decoded unevenly by proxies.
 */
@Controller("/api/v1/issuers")
public class IssuersController {

    private static final Pattern ISSUER = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");
    private static final Pattern MOUNT = Pattern.compile("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$");

    private final VaultClient vault;

    public IssuersController(VaultClient vault) {
        this.vault = vault;
    }

    @Get
    public HttpResponse<String> list(@Nullable @QueryValue String mount) {
        List<String> mounts = mount != null ? List.of(mount(mount))
                : vault.sys().listPkiMounts().stream().map(m -> trim(m.path())).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String m : mounts) {
            for (IssuerSummary summary : summaries(m)) {
                out.add(view(m, summary.isDefault(), vault.pki(m).readIssuer(summary.id())));
            }
        }
        return HttpResponse.ok(ApiJson.write(Map.of("issuers", out))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/{id}")
    public HttpResponse<String> get(@PathVariable String id, @Nullable @QueryValue String mount) {
        Located found = locate(id, mount);
        return HttpResponse.ok(ApiJson.write(view(found.mount(), found.isDefault(), found.issuer())))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/{id}/files/{file}")
    public HttpResponse<byte[]> file(HttpRequest<?> request, @PathVariable String id, @PathVariable String file,
                                     @Nullable @QueryValue String mount) {
        if (!file.equals("ca.pem") && !file.equals("chain.pem") && !file.equals("ca.der")) {
            throw new NotFoundProblemException("issuer files are ca.pem, chain.pem and ca.der");
        }
        Located found = locate(id, mount);
        ParsedCertificate cert = found.issuer().certificate();
        ApiRequests.note(request, ApiRequests.note(request).download("cert.download", file, cert.serialNumber()));
        byte[] bytes;
        String type;
        switch (file) {
            case "ca.pem" -> {
                bytes = cert.pem().getBytes(StandardCharsets.US_ASCII);
                type = "application/x-pem-file";
            }
            case "chain.pem" -> {
                StringBuilder chain = new StringBuilder();
                List<ParsedCertificate> certs = found.issuer().caChain().isEmpty() ? List.of(cert) : found.issuer().caChain();
                certs.forEach(c -> chain.append(c.pem()));
                bytes = chain.toString().getBytes(StandardCharsets.US_ASCII);
                type = "application/pem-certificate-chain";
            }
            default -> {
                bytes = der(cert);
                type = "application/pkix-cert";
            }
        }
        String etag = "\"" + sha256(bytes) + "\"";
        MutableHttpResponse<byte[]> response = etag.equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))
                ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
                : HttpResponse.ok(bytes).contentType(type)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
        return response.header(HttpHeaders.ETAG, etag);
    }

    private record Located(String mount, boolean isDefault, Issuer issuer) {
    }

    /** The issuer {@code id} in {@code mount}, or searched through every PKI mount when none is given. */
    private Located locate(String id, String mount) {
        if (!ISSUER.matcher(id).matches()) {
            throw new BadRequestException("id", "must be an issuer ID, name or 'default'");
        }
        List<String> mounts = mount != null ? List.of(mount(mount))
                : vault.sys().listPkiMounts().stream().map(SecretsMount::path).map(IssuersController::trim).toList();
        for (String m : mounts) {
            for (IssuerSummary s : summaries(m)) {
                if (s.id().equals(id) || mount != null && (s.name().equals(id) || id.equals("default") && s.isDefault())) {
                    return new Located(m, s.isDefault(), read(m, s.id()));
                }
            }
        }
        throw new NotFoundProblemException("no issuer '" + id + "'" + (mount == null ? " in any PKI mount" : " in mount " + mount));
    }

    private Issuer read(String mount, String id) {
        try {
            return vault.pki(mount).readIssuer(id);
        } catch (VaultServerException e) {
            if (e.isPkiReferenceError()) {
                throw new NotFoundProblemException("no issuer '" + id + "' in mount " + mount);
            }
            throw e;
        }
    }

    private List<IssuerSummary> summaries(String mount) {
        try {
            return vault.pki(mount).listIssuers();
        } catch (MultiIssuerUnsupportedException e) {
            // Vault before 1.11 has one CA per mount and no issuers API
            return List.of();
        } catch (VaultNotFoundException e) {
            if (e.isMountMissing()) {
                throw new NotFoundProblemException("no PKI mount " + mount);
            }
            throw e;
        }
    }

    private static Map<String, Object> view(String mount, boolean isDefault, Issuer issuer) {
        ParsedCertificate c = issuer.certificate();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", issuer.id());
        out.put("name", issuer.name());
        out.put("mount", mount);
        out.put("is_default", isDefault);
        out.put("subject", c.subjectDn());
        out.put("issuer", c.issuerDn());
        out.put("serial", c.serialNumber());
        out.put("not_before", c.notBefore().toString());
        out.put("not_after", c.notAfter().toString());
        out.put("key_type", c.keyType() == null ? null : c.keyType().name().toLowerCase(java.util.Locale.ROOT));
        out.put("key_bits", c.keyBits());
        out.put("self_signed", c.selfSigned());
        out.put("revoked", issuer.revoked());
        out.put("usage", issuer.usage());
        out.put("chain_length", issuer.caChain().size());
        return out;
    }

    static String mount(String value) {
        String m = trim(value);
        if (m.isEmpty() || m.length() > 256 || !MOUNT.matcher(m).matches() || List.of(m.split("/")).contains("..")
                || List.of(m.split("/")).contains(".")) {
            throw new BadRequestException("mount", "must be a PKI mount path such as pki_int or team/a/pki");
        }
        return m;
    }

    private static String trim(String mount) {
        return mount.strip().replaceAll("^/+|/+$", "");
    }

    private static byte[] der(ParsedCertificate cert) {
        try {
            return cert.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("issuer certificate cannot be DER-encoded", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
