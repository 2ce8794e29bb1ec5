/**
 * Vault login methods (token, token file, Kubernetes, AppRole, JWT, userpass, TLS certificate and the automatic
 * choice), each producing a token the session manager keeps, renews and replaces.
 */
package io.vaultpki.client.auth;
