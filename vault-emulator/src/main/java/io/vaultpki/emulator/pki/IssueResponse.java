package io.vaultpki.emulator.pki;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.spi.Flavor;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code data} of an issue or sign response in the requested {@code format}: {@code pem} (each PEM trimmed),
 * {@code der} (base64) or {@code pem_bundle} (key, certificate and chain in one string); {@code ca_chain} from the
 * issuing CA up to the root unless {@code remove_roots_from_chain}
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#generate-certificate-and-key). OpenBao adds
 * {@code not_before}.
 */
final class IssueResponse {

    private IssueResponse() {
    }

    /** @param keyPair the generated key for issue, null for sign */
    static ObjectNode data(X509Certificate certificate, Issuer issuer, KeyPair keyPair, String format, boolean pkcs8,
                           boolean removeRoots, Flavor flavor) {
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

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }
}
