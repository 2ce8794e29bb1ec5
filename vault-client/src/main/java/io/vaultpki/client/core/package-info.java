/**
 * The entry point of the client: {@link io.vaultpki.client.core.VaultClient} wires one transport, one token session
 * and the PKI and sys operations on top, and sends authenticated requests with the session's token (retrying once
 * when a 403 turns out to be a dead token). Depends on every other package; none depends on it.
 */
package io.vaultpki.client.core;
