package io.vaultpki.exporter.material;

import io.vaultpki.client.cert.ParsedCertificate;

import java.util.ArrayList;
import java.util.List;

/**
 * A CA chain as Vault sends it (issuing CA first, up to the root) split into the intermediates a server presents
 * and the trust anchors a client pins. When Vault sent no self-signed root (a chain cut below the root, or
 * {@code remove_roots_from_chain}), the top of the chain is the best anchor there is, so it is both the last
 * intermediate and the only root.
 *
 * @param chain non-self-signed certificates in Vault's order
 * @param roots self-signed certificates, or the top of the chain when there is none
 */
record ChainSplit(List<ParsedCertificate> chain, List<ParsedCertificate> roots) {

    ChainSplit {
        chain = List.copyOf(chain);
        roots = List.copyOf(roots);
    }

    static ChainSplit of(List<ParsedCertificate> caChain) {
        List<ParsedCertificate> chain = new ArrayList<>();
        List<ParsedCertificate> roots = new ArrayList<>();
        for (ParsedCertificate cert : caChain) {
            if (contains(chain, cert) || contains(roots, cert)) {
                continue;
            }
            (cert.selfSigned() ? roots : chain).add(cert);
        }
        if (roots.isEmpty() && !chain.isEmpty()) {
            roots.add(chain.get(chain.size() - 1));
        }
        return new ChainSplit(chain, roots);
    }

    private static boolean contains(List<ParsedCertificate> certs, ParsedCertificate cert) {
        for (ParsedCertificate c : certs) {
            if (c.certificate().equals(cert.certificate())) {
                return true;
            }
        }
        return false;
    }
}
