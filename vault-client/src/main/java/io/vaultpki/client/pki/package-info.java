/**
 * Operations of the PKI secrets engine: issuers, certificates, roles, issue and sign.
 */
package io.vaultpki.client.pki;
