package io.vaultpki.exporter.material;

import io.vaultpki.client.cert.ParsedCertificate;

import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;

/**
 * Everything an export's files are rendered from, as obtained from Vault and not yet validated.
 *
 * @param leaf         the exported certificate (for issuer exports: the issuer certificate itself)
 * @param chain        intermediates from the leaf's issuer upwards, self-signed roots removed
 * @param roots        trust anchors: the self-signed root(s); when Vault sent no root, the top of the chain
 * @param privateKey   the key, for the issue source only
 * @param warnings     Vault's warnings (a capped TTL, ignored parameters), for the log and the loop guard
 */
public record CertificateMaterial(ParsedCertificate leaf, List<ParsedCertificate> chain, List<ParsedCertificate> roots,
                                  Optional<PrivateKey> privateKey, List<String> warnings) {

    public CertificateMaterial {
        chain = List.copyOf(chain);
        roots = List.copyOf(roots);
        warnings = List.copyOf(warnings);
    }

    public String serialNumber() {
        return leaf.serialNumber();
    }

    @Override
    public String toString() {
        return "CertificateMaterial[serial=" + leaf.serialNumber() + ", subject=" + leaf.subjectDn() + ", chain="
                + chain.size() + ", roots=" + roots.size() + ", privateKey=" + privateKey.map(k -> "****").orElse("none") + "]";
    }
}
