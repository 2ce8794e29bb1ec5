/**
 * Operations of the PKI secrets engine: issuers, certificates, roles, issue and sign ({@link
 * io.vaultpki.client.pki.PkiOperations}), and the configuration reads the PKI health checks grade ({@link
 * io.vaultpki.client.pki.PkiConfigReads}: CRL, keys, auto-tidy, tidy status, ACME, cluster).
 */
package io.vaultpki.client.pki;
