package io.vaultpki.emulator.pki;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Flavor;

import java.security.cert.X509CRL;
import java.security.cert.CRLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Read endpoints about issuers and the default CA: {@code LIST issuers}, {@code issuer/:ref} and its raw forms and
 * CRLs, {@code cert/ca}, {@code ca}, {@code ca_chain}, CRLs, {@code config/issuers}
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki; docs/vault-compatibility.md#emulator-pki-engine).
 */
final class IssuerReads {

    static final String PEM_CHAIN = "application/pem-certificate-chain";
    static final String PKIX_CERT = "application/pkix-cert";
    static final String PKIX_CRL = "application/pkix-crl";
    static final String PEM_FILE = "application/x-pem-file";

    private final PkiStore store;
    private final Flavor flavor;

    IssuerReads(PkiStore store, Flavor flavor) {
        this.store = store;
        this.flavor = flavor;
    }

    /** {@code LIST issuers} (3.1). */
    EmulatorResponse list(EmulatorRequest request) {
        String defaultId = store.defaultIssuerId();
        ObjectNode keyInfo = PkiJson.object();
        List<String> keys = new ArrayList<>();
        for (Issuer issuer : store.issuers()) {
            keys.add(issuer.id());
            keyInfo.putObject(issuer.id())
                    .put("issuer_name", issuer.name())
                    .put("is_default", issuer.id().equals(defaultId))
                    .put("serial_number", issuer.serialNumber())
                    .put("key_id", issuer.keyId());
        }
        keys.sort(null);
        return Listing.respond(request, flavor, keys, keyInfo);
    }

    /** {@code GET issuer/:ref} (3.2). */
    EmulatorResponse read(String ref) {
        Issuer issuer = resolve(ref);
        ObjectNode data = PkiJson.object()
                .put("issuer_id", issuer.id())
                .put("issuer_name", issuer.name())
                .put("key_id", issuer.keyId())
                .put("certificate", store.pem(issuer));
        data.set("ca_chain", chainArray(issuer));
        data.putNull("manual_chain");
        data.put("leaf_not_after_behavior", "err")
                .put("usage", "crl-signing,issuing-certificates,ocsp-signing,read-only")
                .put("revocation_signature_algorithm", "")
                .put("revoked", false);
        data.set("issuing_certificates", PkiJson.array(List.of()));
        data.set("crl_distribution_points", PkiJson.array(List.of()));
        data.set("ocsp_servers", PkiJson.array(List.of()));
        if (flavor == Flavor.OPENBAO) {
            data.set("delta_crl_distribution_points", PkiJson.array(List.of()));
        }
        return EmulatorResponse.ok(data);
    }

    /** {@code GET issuer/:ref/json|pem|der} (3.3); conditional on the issuer's own last change. */
    EmulatorResponse raw(EmulatorRequest request, String ref, String format) {
        Issuer issuer = resolve(ref);
        var notModified = IfModifiedSince.notModified(request, store.issuerLastModified(issuer.id()));
        if (notModified.isPresent()) {
            return notModified.get();
        }
        return switch (format) {
            case "pem" -> EmulatorResponse.raw(PEM_CHAIN, Pem.utf8(store.pem(issuer)));
            case "der" -> EmulatorResponse.raw(PKIX_CERT, store.der(issuer));
            default -> {
                ObjectNode data = PkiJson.object().put("certificate", store.pem(issuer));
                data.set("ca_chain", chainArray(issuer));
                data.put("issuer_id", issuer.id()).put("issuer_name", issuer.name());
                yield EmulatorResponse.ok(data);
            }
        };
    }

    /**
     * {@code GET issuer/:ref/crl}, {@code /crl/pem}, {@code /crl/der} (3.8): PEM keeps its trailing newline. A
     * conditional read is decided on the mount's CRL change time before the reference is resolved, as Vault's
     * {@code pathGetIssuerCRL} does. {@code delta}: the {@code crl/delta} variants (Vault 1.12+), the delta CRL
     * built beside the complete one ({@link PkiStore#deltaCrl}).
     */
    EmulatorResponse issuerCrl(EmulatorRequest request, String ref, String format, boolean delta) {
        var notModified = IfModifiedSince.notModified(request, store.crlLastModified());
        if (notModified.isPresent()) {
            return notModified.get();
        }
        Issuer issuer = resolve(ref);
        if (issuer.keyPair() == null) {
            return "json".equals(format) ? EmulatorResponse.ok(PkiJson.object().put("crl", ""))
                    : EmulatorResponse.raw("der".equals(format) ? PKIX_CRL : PEM_FILE, new byte[0]);
        }
        byte[] der = crlDer(issuer, delta);
        return switch (format) {
            case "der" -> EmulatorResponse.raw(PKIX_CRL, der);
            case "pem" -> EmulatorResponse.raw(PEM_FILE, Pem.utf8(Pem.encode("X509 CRL", der)));
            default -> EmulatorResponse.ok(PkiJson.object().put("crl", Pem.encode("X509 CRL", der)));
        };
    }

    /** Default-issuer CRL on the legacy paths {@code crl}, {@code crl/pem}, {@code cert/crl} (3.8): PEM trimmed. */
    EmulatorResponse defaultCrl(EmulatorRequest request, String variant, boolean delta) {
        var notModified = IfModifiedSince.notModified(request, store.crlLastModified());
        if (notModified.isPresent()) {
            return notModified.get();
        }
        Issuer issuer = defaultIssuerOrNull();
        if (issuer == null || issuer.keyPair() == null) {
            return switch (variant) {
                case "json" -> EmulatorResponse.error(400, "no default issuer currently configured");
                case "pem" -> EmulatorResponse.raw(PEM_FILE, new byte[0]);
                default -> EmulatorResponse.raw(PKIX_CRL, new byte[0]);
            };
        }
        byte[] der = crlDer(issuer, delta);
        String pem = Pem.trim(Pem.encode("X509 CRL", der));
        return switch (variant) {
            case "json" -> EmulatorResponse.ok(legacyCertData(pem));
            case "pem" -> EmulatorResponse.raw(PEM_FILE, Pem.utf8(pem));
            default -> EmulatorResponse.raw(PKIX_CRL, der);
        };
    }

    /** {@code cert/ca} and {@code cert/ca_chain} (3.4): trimmed PEM; 400 without a default issuer. */
    EmulatorResponse certCa(EmulatorRequest request, boolean chain) {
        Issuer issuer = defaultIssuerOrNull();
        if (issuer == null) {
            return EmulatorResponse.error(400, "no default issuer currently configured");
        }
        var notModified = chain ? java.util.Optional.<EmulatorResponse>empty() : caNotModified(request, issuer);
        if (notModified.isPresent()) {
            return notModified.get();
        }
        if (!chain) {
            return EmulatorResponse.ok(legacyCertData(Pem.trim(store.pem(issuer))));
        }
        String joined = chainText(issuer);
        ObjectNode data = legacyCertData(joined);
        data.put("ca_chain", joined);
        return EmulatorResponse.ok(data);
    }

    /** {@code ca}, {@code ca/pem}, {@code cert/ca/raw(/pem)}, {@code ca_chain} (3.4, 3.17): 204 without a default. */
    EmulatorResponse caRaw(EmulatorRequest request, String variant) {
        Issuer issuer = defaultIssuerOrNull();
        var notModified = issuer == null || variant.equals("chain") ? java.util.Optional.<EmulatorResponse>empty()
                : caNotModified(request, issuer);
        if (notModified.isPresent()) {
            return notModified.get();
        }
        return switch (variant) {
            case "pem" -> EmulatorResponse.raw(PEM_CHAIN, issuer == null ? new byte[0] : Pem.utf8(Pem.trim(store.pem(issuer))));
            case "chain" -> EmulatorResponse.raw(PKIX_CERT, issuer == null ? new byte[0] : Pem.utf8(chainText(issuer)));
            default -> EmulatorResponse.raw(PKIX_CERT, issuer == null ? new byte[0] : store.der(issuer));
        };
    }

    /** {@code config/issuers} (3.13): {@code default: ""} on an empty mount. */
    EmulatorResponse configIssuers() {
        return EmulatorResponse.ok(PkiJson.object()
                .put("default", store.defaultIssuerId())
                .put("default_follows_latest_issuer", false));
    }

    private ObjectNode legacyCertData(String certificate) {
        return PkiJson.object()
                .put("certificate", certificate)
                .put("revocation_time", 0)
                .put("revocation_time_rfc3339", "");
    }

    private ArrayNode chainArray(Issuer issuer) {
        return PkiJson.array(chainPems(issuer));
    }

    /** Stored PEMs of the chain, this issuer first; issuers of this mount honour corruption. */
    private List<String> chainPems(Issuer issuer) {
        List<String> pems = new ArrayList<>();
        pems.add(store.pem(issuer));
        issuer.chain().stream().skip(1).map(Pem::certificate).forEach(pems::add);
        return pems;
    }

    private String chainText(Issuer issuer) {
        return Pem.joinTrimmed(chainPems(issuer));
    }

    private byte[] crlDer(Issuer issuer, boolean delta) {
        X509CRL crl = delta ? store.deltaCrl(issuer) : store.crl(issuer);
        try {
            return crl.getEncoded();
        } catch (CRLException e) {
            throw new IllegalStateException("CRL cannot be encoded", e);
        }
    }

    /** The default CA paths are conditional on the default issuer's last change ({@code ca_chain} is not). */
    private java.util.Optional<EmulatorResponse> caNotModified(EmulatorRequest request, Issuer issuer) {
        return IfModifiedSince.notModified(request, store.issuerLastModified(issuer.id()));
    }

    private Issuer defaultIssuerOrNull() {
        String id = store.defaultIssuerId();
        return id.isEmpty() ? null : store.issuer(id).orElse(null);
    }

    /**
     * Resolves a reference or fails with Vault's 500 multierror, also on raw paths
     * (docs/vault-compatibility.md#emulator-pki-engine).
     */
    private Issuer resolve(String ref) {
        try {
            return store.resolve(ref);
        } catch (PkiStore.UnknownIssuerException e) {
            throw PkiError.internal(500, e.getMessage());
        }
    }
}
