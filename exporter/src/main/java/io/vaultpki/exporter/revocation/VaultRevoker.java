package io.vaultpki.exporter.revocation;

import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.pki.CertificateRecord;
import io.vaultpki.client.pki.PkiOperations;
import io.vaultpki.client.pki.RevocationResult;

import java.util.Optional;

/**
 * {@code POST <mount>/revoke} (https://developer.hashicorp.com/vault/api-docs/secret/pki#revoke-certificate). Vault
 * answers an already revoked certificate like a fresh revocation (200 with the original time), so the certificate is
 * read first ({@code GET <mount>/cert/:serial}, unauthenticated) to tell the two apart; an expired one is
 * {@link RevocationResult#expired()} (docs/vault-compatibility.md).
 */
public final class VaultRevoker implements Revoker {

    private final VaultClient client;

    public VaultRevoker(VaultClient client) {
        this.client = client;
    }

    @Override
    public RevocationOutcome revoke(String mount, String serial) {
        PkiOperations pki = client.pki(mount);
        Optional<CertificateRecord> known = pki.readCertificate(serial);
        if (known.isPresent() && known.get().revoked()) {
            return RevocationOutcome.ALREADY_REVOKED;
        }
        // an unknown serial goes on to revoke, whose 400 names it
        RevocationResult result = pki.revoke(serial);
        return result.expired() ? RevocationOutcome.EXPIRED : RevocationOutcome.REVOKED;
    }
}
