package io.vaultpki.emulator.pki;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.go.GoText;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Flavor;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code issue/:role} and {@code sign/:role}, with or without an issuer in the path
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#generate-certificate-and-key and
 * https://developer.hashicorp.com/vault/api-docs/secret/pki#sign-certificate): the role's name rules, TTL capping
 * with a warning, the issuer's notAfter, and the response in the requested format ({@link IssueResponse}).
 */
final class Issuance {

    /** Vault's system max lease TTL (768h), the fallback for a role without ttl/max_ttl. */
    static final Duration SYSTEM_MAX_TTL = Duration.ofHours(768);

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
        String format = IssueFields.orDefault(request.param("format"), "pem");
        if (!Set.of("pem", "der", "pem_bundle").contains(format)) {
            throw PkiError.badRequest("the \"format\" path parameter must be \"pem\", \"der\", or \"pem_bundle\"");
        }
        String keyFormat = IssueFields.orDefault(request.param("private_key_format"), "der");
        if (!Set.of("der", "pkcs8").contains(keyFormat)) {
            throw PkiError.badRequest("the \"private_key_format\" path parameter must be \"der\" or \"pkcs8\"");
        }
        Issuer issuer = signingIssuer(issuerRef != null ? issuerRef : role.issuerRef());
        List<String> warnings = new ArrayList<>();

        Csr csr = sign ? Csr.parse(request.param("csr")) : null;
        String commonName = IssueFields.orDefault(request.param("common_name"), "");
        List<String> altNames = IssueFields.list(request, "alt_names");
        if (csr != null && role.useCsrCommonName()) {
            if (!commonName.isEmpty()) {
                warnings.add("the common_name field was provided but the role is set with \"use_csr_common_name\" set to true");
            }
            commonName = csr.commonName();
        }
        if (commonName.isEmpty() && role.requireCn()) {
            throw PkiError.badRequest("the common_name field is required, or must be provided in a CSR with "
                    + "\"use_csr_common_name\" set to true, unless \"require_cn\" is set to false");
        }
        Set<String> dnsNames = new LinkedHashSet<>();
        List<String> ipSans = IssueFields.list(request, "ip_sans");
        List<String> uriSans = IssueFields.list(request, "uri_sans");
        if (csr != null && role.useCsrSans()) {
            if (!altNames.isEmpty()) {
                warnings.add("the alt_names field was provided but the role is set with \"use_csr_sans\" set to true");
            }
            altNames = new ArrayList<>();
            csr.addSans(altNames, ipSans, uriSans);
        }
        if (!commonName.isEmpty() && !GoText.parseBool(request.param("exclude_cn_from_sans"), false)) {
            dnsNames.add(commonName);
        }
        dnsNames.addAll(altNames);

        List<GeneralName> sans = checkedSans(role, commonName, dnsNames, ipSans, uriSans, request);

        Instant now = store.now();
        Instant notAfter = notAfter(request, role, now, warnings);
        if (notAfter.isAfter(issuer.notAfter())) {
            throw PkiError.badRequest("cannot satisfy request, as TTL would result in notAfter of "
                    + GoText.rfc3339Nano(notAfter) + " that is beyond the expiration of the CA certificate at "
                    + GoText.rfc3339Nano(issuer.notAfter()));
        }

        KeyPair keyPair = sign ? null : keyAlgorithm(request, role).generate();
        PublicKey publicKey = sign ? csr.publicKey() : keyPair.getPublic();
        X509Certificate certificate = CertificateMinter.leaf(CertificateMinter.randomSerial(),
                subject(role, commonName, request), publicKey, sans, issuer, now.minusSeconds(30), notAfter);
        if (!role.noStore()) {
            store.store(StoredCert.of(certificate, issuer.id()));
        }
        ObjectNode data = IssueResponse.data(certificate, issuer, keyPair, format, "pkcs8".equals(keyFormat),
                GoText.parseBool(request.param("remove_roots_from_chain"), false), flavor);
        warnings.addAll(0, IssueFields.ignoredParameters(request));
        if (role.generateLease()) {
            long seconds = Math.max(0, Duration.between(now, notAfter).getSeconds());
            return EmulatorResponse.leased(data, warnings, request.path() + "/" + UUID.randomUUID(), seconds);
        }
        return EmulatorResponse.ok(data, warnings);
    }

    /**
     * The SANs of the certificate, each checked against the role in Vault's order: common name, DNS and email
     * names, IP addresses, URIs; other names are taken as given.
     */
    private static List<GeneralName> checkedSans(Role role, String commonName, Set<String> dnsNames,
                                                 List<String> ipSans, List<String> uriSans, EmulatorRequest request) {
        List<GeneralName> sans = new ArrayList<>();
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
        for (String other : IssueFields.list(request, "other_sans")) {
            sans.add(otherName(other));
        }
        return sans;
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
            type = IssueFields.orDefault(request.param("key_type"), "rsa");
            bits = Integer.parseInt(IssueFields.orDefault(request.param("key_bits"), "0"));
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
        IssueFields.list(request, "user_ids").forEach(uid -> b.addRDN(BCStyle.UID, uid));
        return b.build();
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
}
