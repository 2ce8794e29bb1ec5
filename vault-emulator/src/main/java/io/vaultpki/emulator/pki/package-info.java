/**
 * The emulator's PKI secrets engine: real X.509 issuers, leaves and CRLs made with BouncyCastle, served with Vault's
 * exact paths, statuses, PEM newlines and serial formats
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki). Tests seed it
 * through {@link io.vaultpki.emulator.pki.PkiMount}; the server core routes HTTP to
 * {@link io.vaultpki.emulator.pki.PkiBackend}.
 */
package io.vaultpki.emulator.pki;
