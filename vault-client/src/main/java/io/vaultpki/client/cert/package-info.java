/**
 * Parsing of what Vault returns as PEM or DER: certificates, CRLs and serial numbers.
 */
package io.vaultpki.client.cert;
