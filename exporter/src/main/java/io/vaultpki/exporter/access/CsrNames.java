package io.vaultpki.exporter.access;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a CSR asks for: subject CNs and the DNS, IP and URI SANs of its extension request. A write policy checks
 * them because Vault may copy them into the signed certificate.
 *
 * @param commonNames     subject CN values
 * @param subjectAltNames DNS names, IP addresses and URIs
 */
record CsrNames(List<String> commonNames, List<String> subjectAltNames) {

    /** The names of {@code pem}; a CSR that does not parse yields a name no policy matches, so it is refused. */
    static CsrNames of(String pem) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject o = reader.readPemObject();
            if (o == null) {
                return unreadable();
            }
            PKCS10CertificationRequest csr = new PKCS10CertificationRequest(o.getContent());
            List<String> cns = new ArrayList<>();
            for (RDN rdn : csr.getSubject().getRDNs(BCStyle.CN)) {
                ASN1Encodable value = rdn.getFirst().getValue();
                cns.add(value instanceof ASN1String s ? s.getString() : value.toString());
            }
            List<String> sans = new ArrayList<>();
            for (Attribute attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
                for (ASN1Encodable value : attribute.getAttributeValues()) {
                    Extension ext = Extensions.getInstance(value).getExtension(Extension.subjectAlternativeName);
                    if (ext != null) {
                        GeneralNames names = GeneralNames.getInstance(ext.getParsedValue());
                        for (GeneralName name : names.getNames()) {
                            sans.add(text(name));
                        }
                    }
                }
            }
            return new CsrNames(List.copyOf(cns), List.copyOf(sans));
        } catch (IOException | RuntimeException e) {
            return unreadable();
        }
    }

    private static String text(GeneralName name) {
        if (name.getTagNo() == GeneralName.iPAddress) {
            try {
                return InetAddress.getByAddress(DEROctetString.getInstance(name.getName()).getOctets()).getHostAddress();
            } catch (UnknownHostException e) {
                return "\u0000unparseable-ip";
            }
        }
        if (name.getTagNo() == GeneralName.dNSName || name.getTagNo() == GeneralName.uniformResourceIdentifier
                || name.getTagNo() == GeneralName.rfc822Name) {
            return ((ASN1String) name.getName()).getString();
        }
        // other name forms are not something a policy lists: refuse rather than ignore them
        return "\u0000name-type-" + name.getTagNo();
    }

    private static CsrNames unreadable() {
        return new CsrNames(List.of("\u0000unreadable-csr"), List.of());
    }
}
