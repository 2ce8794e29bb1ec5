package io.vaultpki.monitor.pkihealth.vault;

import io.vaultpki.monitor.pkihealth.input.CrlInput;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.IssuerInput;
import io.vaultpki.monitor.pkihealth.input.LeafInput;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the expiry refresh of the same round already read for one engine, so that the checks do not read it again.
 *
 * @param issuers            the issuers with certificate facts and key ids, or why {@code LIST issuers} failed
 * @param crls               each issuer's CRL by issuer id (those the refresh has)
 * @param leaves             the non-CA stored certificates in Vault's listing order, when the refresh's leaf step
 *                           read them in this round; empty: the reader lists and reads them itself
 * @param storedCertificates how many serials {@code LIST certs} returned in this round, when the refresh listed them
 * @param issuerSubjects     issuer id to subject DN, to find the issuer of a certificate the reader reads itself
 * @param crlShares          issuer id to the issuer whose CRLs it shares (Vault builds one complete and one delta
 *                           CRL per key and subject); an issuer not in it has its own
 */
public record RefreshData(Fetched<List<IssuerInput>> issuers, Map<String, Fetched<CrlInput>> crls,
                          Optional<List<LeafInput>> leaves, OptionalLong storedCertificates,
                          Map<String, String> issuerSubjects, Map<String, String> crlShares) {

    public RefreshData {
        crls = Map.copyOf(crls);
        leaves = leaves == null ? Optional.empty() : leaves.map(List::copyOf);
        storedCertificates = storedCertificates == null ? OptionalLong.empty() : storedCertificates;
        issuerSubjects = Map.copyOf(issuerSubjects);
        crlShares = crlShares == null ? Map.of() : Map.copyOf(crlShares);
    }

    /** The issuer whose CRLs {@code issuerId}'s are. */
    public String crlOf(String issuerId) {
        return crlShares.getOrDefault(issuerId, issuerId);
    }
}
