package io.vaultpki.exporter.material;

import io.vaultpki.exporter.spec.ExportSpec;

/**
 * Obtains an export's certificate material from Vault. Implementations throw the vault-client's typed
 * {@link io.vaultpki.client.VaultException}s (403, 5xx, sealed, timeout) unchanged, and
 * {@link MaterialException} when Vault answered with something the spec cannot accept.
 */
public interface MaterialSource {

    CertificateMaterial obtain(ExportSpec spec);
}
