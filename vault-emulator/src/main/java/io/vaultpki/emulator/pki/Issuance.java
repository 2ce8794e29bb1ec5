package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.GoText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.Flavor;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** {@code issue/:role} and {@code sign/:role}, with or without an issuer in the path (vault-api.md 3.9, 3.10). */
final class Issuance {

    /** Vault's system max lease TTL (768h), the fallback for a role without ttl/max_ttl. */
    static final Duration SYSTEM_MAX_TTL = Duration.ofHours(768);

    private static final Set<String> FIELDS = Set.of("common_name", "alt_names", "ip_sans", "uri_sans", "other_sans",
            "ttl", "not_after", "format", "private_key_format", "exclude_cn_from_sans", "remove_roots_from_chain",
            "user_ids", "serial_number", "key_type", "key_bits", "csr", "issuer_ref", "role");

    private final PkiStore store;
    private final Flavor flavor;

    Issuance(PkiStore store, Flavor flavor) {
        this.store = store;
        this.flavor = flavor;
    }

    /** @param issuerRef issuer from the path, or {@code null} to use the role's {@code issuer_ref} */
    EmulatorResponse handle(EmulatorRequest request, String roleName, String issuerRef, boolean sign) {
        Role role = store.role(roleName).orElseThrow(() -> PkiError.badRequest("unknown role: " + roleName));
        if (!sign && "any".equals(role.keyType()) && flavor == Flavor.VAULT) {
            throw PkiError.badRequest("role key type \"any\" not allowed for issuing certificates, only signing");
        }
        String format = orDefault(request.param("format"), "pem");
        if (!Set.of("pem", "der", "pem_bundle").contains(format)) {
            throw PkiError.badRequest("the \"format\" path parameter must be \"pem\", \"der\", or \"pem_bundle\"");
        }
        String keyFormat = orDefault(request.param("private_key_format"), "der");
        if (!Set.of("der", "pkcs8").contains(keyFormat)) {
            throw PkiError.badRequest("the \"private_key_format\" path parameter must be \"der\" or \"pkcs8\"");
        }
        Issuer issuer = signingIssuer(issuerRef != null ? issuerRef : role.issuerRef());
        List<String> warnings = new ArrayList<>();

        PKCS10CertificationRequest csr = sign ? parseCsr(request.param("csr")) : null;
        String commonName = orDefault(request.param("common_name"), "");
        List<String> altNames = list(request, "alt_names");
        if (csr != null && role.useCsrCommonName()) {
            if (!commonName.isEmpty()) {
                warnings.add("the common_name field was provided but the role is set with \"use_csr_common_name\" set to true");
            }
            commonName = csrCommonName(csr);
        }
        if (commonName.isEmpty() && role.requireCn()) {
            throw PkiError.badRequest("the common_name field is required, or must be provided in a CSR with "
                    + "\"use_csr_common_name\" set to true, unless \"require_cn\" is set to false");
        }
        List<GeneralName> sans = new ArrayList<>();
        Set<String> dnsNames = new LinkedHashSet<>();
        List<String> ipSans = list(request, "ip_sans");
        List<String> uriSans = list(request, "uri_sans");
        if (csr != null && role.useCsrSans()) {
            if (!altNames.isEmpty()) {
                warnings.add("the alt_names field was provided but the role is set with \"use_csr_sans\" set to true");
            }
            altNames = new ArrayList<>();
            csrSans(csr, altNames, ipSans, uriSans);
        }
        if (!commonName.isEmpty() && !GoText.parseBool(request.param("exclude_cn_from_sans"), false)) {
            dnsNames.add(commonName);
        }
        dnsNames.addAll(altNames);

        if (!commonName.isEmpty() && !NamePolicy.allows(role, commonName)) {
            throw PkiError.badRequest("common name " + commonName + " not allowed by this role");
        }
        for (String name : dnsNames) {
            if (!NamePolicy.allows(role, name)) {
                throw PkiError.badRequest("subject alternate name " + name + " not allowed by this role");
            }
            sans.add(new GeneralName(name.contains("@") ? GeneralName.rfc822Name : GeneralName.dNSName, name));
        }
        if (!ipSans.isEmpty() && !role.allowIpSans()) {
            throw PkiError.badRequest("IP Subject Alternative Names are not allowed in this role, but was provided " + ipSans);
        }
        for (String ip : ipSans) {
            try {
                sans.add(new GeneralName(GeneralName.iPAddress, ip));
            } catch (IllegalArgumentException e) {
                throw PkiError.badRequest("the value \"" + ip + "\" is not a valid IP address");
            }
        }
        for (String uri : uriSans) {
            if (role.allowedUriSans().stream().noneMatch(p -> NamePolicy.glob(p).matcher(uri).matches())) {
                throw PkiError.badRequest("URI Subject Alternative Names are not allowed in this role, but were provided " + uriSans);
            }
            sans.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
        }
        for (String other : list(request, "other_sans")) {
            sans.add(otherName(other));
        }

        Instant now = store.now();
        Instant notAfter = notAfter(request, role, now, warnings);
        if (notAfter.isAfter(issuer.notAfter())) {
            throw PkiError.badRequest("cannot satisfy request, as TTL would result in notAfter of "
                    + GoText.rfc3339Nano(notAfter) + " that is beyond the expiration of the CA certificate at "
                    + GoText.rfc3339Nano(issuer.notAfter()));
        }

        KeyPair keyPair = sign ? null : keyAlgorithm(request, role).generate();
        PublicKey publicKey = sign ? csrPublicKey(csr) : keyPair.getPublic();
        X509Certificate certificate = CertificateMinter.leaf(CertificateMinter.randomSerial(),
                subject(role, commonName, request), publicKey, sans, issuer, now.minusSeconds(30), notAfter);
        if (!role.noStore()) {
            store.store(StoredCert.of(certificate, issuer.id()));
        }
        ObjectNode data = responseData(certificate, issuer, keyPair, format, "pkcs8".equals(keyFormat),
                GoText.parseBool(request.param("remove_roots_from_chain"), false));
        warnings.addAll(0, ignoredParameters(request));
        if (role.generateLease()) {
            long seconds = Math.max(0, Duration.between(now, notAfter).getSeconds());
            return EmulatorResponse.leased(data, warnings, request.path() + "/" + UUID.randomUUID(), seconds);
        }
        return EmulatorResponse.ok(data, warnings);
    }

    private Issuer signingIssuer(String ref) {
        try {
            Issuer issuer = store.resolve(ref);
            if (issuer.keyPair() == null) {
                throw new PkiStore.UnknownIssuerException("issuer " + issuer.id() + " has no key");
            }
            return issuer;
        } catch (PkiStore.UnknownIssuerException e) {
            throw PkiError.internal(500, "could not fetch the CA certificate (was one set?): " + e.getMessage());
        }
    }

    /** TTL resolution of Vault's {@code getCertificateNotAfter}: cap at max_ttl with a warning, not an error. */
    private Instant notAfter(EmulatorRequest request, Role role, Instant now, List<String> warnings) {
        String notAfterText = request.param("not_after");
        if (notAfterText != null && !notAfterText.isEmpty()) {
            try {
                return GoText.parseTime(notAfterText);
            } catch (RuntimeException e) {
                throw PkiError.badRequest("cannot parse not_after: " + notAfterText);
            }
        }
        Duration ttl = Duration.ZERO;
        String ttlText = request.param("ttl");
        if (ttlText != null && !ttlText.isEmpty()) {
            try {
                ttl = GoText.parseDuration(ttlText);
            } catch (IllegalArgumentException e) {
                throw PkiError.badRequest(e.getMessage());
            }
        }
        Duration maxTtl = role.maxTtl().isZero() ? SYSTEM_MAX_TTL : role.maxTtl();
        if (ttl.isZero()) {
            ttl = role.ttl().isZero() ? SYSTEM_MAX_TTL : role.ttl();
        }
        if (ttl.compareTo(maxTtl) > 0) {
            warnings.add("TTL \"" + GoText.duration(ttl) + "\" is longer than permitted maxTTL \""
                    + GoText.duration(maxTtl) + "\", so maxTTL is being used");
            ttl = maxTtl;
        }
        return now.plus(ttl);
    }

    private KeyAlgorithm keyAlgorithm(EmulatorRequest request, Role role) {
        String type = role.keyType();
        int bits = role.keyBits();
        if ("any".equals(type)) {
            type = orDefault(request.param("key_type"), "rsa");
            bits = Integer.parseInt(orDefault(request.param("key_bits"), "0"));
        }
        try {
            return KeyAlgorithm.of(type, bits);
        } catch (IllegalArgumentException e) {
            throw PkiError.badRequest("unknown key type: " + type);
        }
    }

    private X500Name subject(Role role, String commonName, EmulatorRequest request) {
        var b = new X500NameBuilder(BCStyle.INSTANCE);
        role.organization().forEach(o -> b.addRDN(BCStyle.O, o));
        role.ou().forEach(o -> b.addRDN(BCStyle.OU, o));
        if (!commonName.isEmpty()) {
            b.addRDN(BCStyle.CN, commonName);
        }
        String serialNumber = request.param("serial_number");
        if (serialNumber != null && !serialNumber.isEmpty()) {
            b.addRDN(BCStyle.SERIALNUMBER, serialNumber);
        }
        list(request, "user_ids").forEach(uid -> b.addRDN(BCStyle.UID, uid));
        return b.build();
    }

    private ObjectNode responseData(X509Certificate certificate, Issuer issuer, KeyPair keyPair, String format,
                                    boolean pkcs8, boolean removeRoots) {
        boolean der = "der".equals(format);
        List<X509Certificate> chain = new ArrayList<>(issuer.chain());
        if (removeRoots) {
            chain.removeIf(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal()));
        }
        List<String> chainTexts = chain.stream().map(c -> der ? base64(Pem.der(c)) : Pem.trim(Pem.certificate(c))).toList();
        String certText = der ? base64(Pem.der(certificate)) : Pem.trim(Pem.certificate(certificate));
        String keyText = null;
        if (keyPair != null) {
            Pem.KeyEncoding key = Pem.privateKey(keyPair.getPrivate(), pkcs8);
            keyText = der ? base64(key.der()) : Pem.trim(key.pem());
        }
        if ("pem_bundle".equals(format)) {
            List<String> bundle = new ArrayList<>();
            if (keyText != null) {
                bundle.add(keyText);
            }
            bundle.add(certText);
            bundle.addAll(chainTexts);
            certText = String.join("\n", bundle);
        }
        ObjectNode data = PkiJson.object().put("certificate", certText)
                .put("issuing_ca", der ? base64(Pem.der(issuer.certificate())) : Pem.trim(issuer.pem()));
        if (!chainTexts.isEmpty()) {
            data.set("ca_chain", PkiJson.array(chainTexts));
        }
        if (keyText != null) {
            data.put("private_key", keyText).put("private_key_type", KeyAlgorithm.of(keyPair.getPrivate()).vaultType());
        }
        data.put("serial_number", Serials.format(certificate.getSerialNumber()))
                .put("expiration", certificate.getNotAfter().toInstant().getEpochSecond());
        if (flavor == Flavor.OPENBAO) {
            data.put("not_before", certificate.getNotBefore().toInstant().getEpochSecond());
        }
        return data;
    }

    private static PKCS10CertificationRequest parseCsr(String pem) {
        if (pem == null || pem.isBlank()) {
            throw PkiError.badRequest("\"csr\" is empty");
        }
        try (var parser = new PEMParser(new StringReader(pem))) {
            if (parser.readObject() instanceof PKCS10CertificationRequest csr
                    && csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csrPublicKey(csr)))) {
                return csr;
            }
        } catch (Exception e) {
            // falls through to Vault's generic message below
        }
        throw PkiError.badRequest("certificate request could not be parsed");
    }

    private static PublicKey csrPublicKey(PKCS10CertificationRequest csr) {
        try {
            return new JcaPKCS10CertificationRequest(csr).getPublicKey();
        } catch (Exception e) {
            throw PkiError.badRequest("certificate request could not be parsed");
        }
    }

    private static String csrCommonName(PKCS10CertificationRequest csr) {
        var rdns = csr.getSubject().getRDNs(BCStyle.CN);
        return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private static void csrSans(PKCS10CertificationRequest csr, List<String> dns, List<String> ips, List<String> uris) {
        for (var attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
            GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            if (names == null) {
                continue;
            }
            for (GeneralName name : names.getNames()) {
                switch (name.getTagNo()) {
                    case GeneralName.dNSName, GeneralName.rfc822Name -> dns.add(name.getName().toString());
                    case GeneralName.uniformResourceIdentifier -> uris.add(name.getName().toString());
                    case GeneralName.iPAddress -> ips.add(ipText(name));
                    default -> { }
                }
            }
        }
    }

    private static String ipText(GeneralName name) {
        byte[] bytes = DEROctetString.getInstance(name.getName()).getOctets();
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw PkiError.badRequest("certificate request could not be parsed");
        }
    }

    /** {@code <oid>;UTF8:<value>} → an otherName SAN. */
    private static GeneralName otherName(String spec) {
        int semi = spec.indexOf(';');
        if (semi < 0 || !spec.startsWith("UTF8:", semi + 1)) {
            throw PkiError.badRequest("error parsing other_sans: " + spec);
        }
        var oid = new ASN1ObjectIdentifier(spec.substring(0, semi));
        var value = new DERTaggedObject(true, 0, new DERUTF8String(spec.substring(semi + 6)));
        return new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[] {oid, value}));
    }

    /** A comma-separated string or a JSON array, trimmed, blanks dropped. */
    private static List<String> list(EmulatorRequest request, String field) {
        JsonNode node = request.body() == null ? null : request.body().get(field);
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else {
            String text = request.param(field);
            if (text != null) {
                values.addAll(Arrays.asList(text.split(",")));
            }
        }
        return new ArrayList<>(values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private static List<String> ignoredParameters(EmulatorRequest request) {
        var ignored = new TreeSet<String>();
        if (request.body() != null) {
            request.body().fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    ignored.add(f);
                }
            });
        }
        return ignored.isEmpty() ? List.of()
                : List.of("Endpoint ignored these unrecognized parameters: [" + String.join(" ", ignored) + "]");
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null || value.isEmpty() ? defaultValue : value;
    }
}
