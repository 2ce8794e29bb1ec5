package io.vaultpki.emulator.pki;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
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
import java.security.PublicKey;
import java.util.List;

/**
 * The {@code csr} of {@code sign/:role}: parsed and signature-checked, with the common name and SANs that a role's
 * {@code use_csr_common_name} and {@code use_csr_sans} take from it. Every failure is Vault's 400
 * {@code certificate request could not be parsed}
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#sign-certificate).
 */
final class Csr {

    private final PKCS10CertificationRequest request;

    private Csr(PKCS10CertificationRequest request) {
        this.request = request;
    }

    static Csr parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw PkiError.badRequest("\"csr\" is empty");
        }
        try (var parser = new PEMParser(new StringReader(pem))) {
            if (parser.readObject() instanceof PKCS10CertificationRequest csr
                    && csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey(csr)))) {
                return new Csr(csr);
            }
        } catch (Exception e) {
            // falls through to Vault's generic message below
        }
        throw PkiError.badRequest("certificate request could not be parsed");
    }

    PublicKey publicKey() {
        return publicKey(request);
    }

    String commonName() {
        var rdns = request.getSubject().getRDNs(BCStyle.CN);
        return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    /** Adds the CSR's DNS and email names, IP addresses and URIs to the given lists. */
    void addSans(List<String> dns, List<String> ips, List<String> uris) {
        for (var attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
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

    private static PublicKey publicKey(PKCS10CertificationRequest csr) {
        try {
            return new JcaPKCS10CertificationRequest(csr).getPublicKey();
        } catch (Exception e) {
            throw PkiError.badRequest("certificate request could not be parsed");
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
}
