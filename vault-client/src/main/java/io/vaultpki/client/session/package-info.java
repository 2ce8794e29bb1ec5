/**
 * The token session: lookup, renewal before expiry, re-login, revocation at close, and the root-token guard.
 */
package io.vaultpki.client.session;
