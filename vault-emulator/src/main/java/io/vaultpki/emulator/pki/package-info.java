/**
 * The emulator's PKI secrets engine: real X.509 issuers, leaves and CRLs made with BouncyCastle, served with Vault's
 * exact paths, statuses, PEM newlines and serial formats
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki). Tests seed it through
 * {@link io.vaultpki.emulator.pki.PkiMount}; the server core hands requests to
 * {@link io.vaultpki.emulator.pki.PkiBackend}, whose route table {@link io.vaultpki.emulator.pki.PkiRoutes} picks
 * the endpoint class: {@code IssuerReads}, {@code CertificateReads}, {@code Issuance} (issue and sign, with
 * {@code Csr}, {@code IssueFields}, {@code IssueResponse}), {@code Revocation}, {@code MountConfigReads}, and the reads
 * {@code vault pki health-check} grades: {@code HealthConfigReads} ({@code config/crl}, {@code config/auto-tidy},
 * {@code tidy-status}, {@code config/acme}, {@code config/cluster}) and {@code KeyReads}. {@code PkiVersion} leaves out
 * the routes the emulated Vault version lacks. State lives in {@code PkiStore} and {@code MountSettings}.
 */
package io.vaultpki.emulator.pki;
