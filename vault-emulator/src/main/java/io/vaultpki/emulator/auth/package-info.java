/**
 * The emulator's auth methods (AppRole, Kubernetes, JWT, userpass, TLS certificate) with Vault's login responses.
 */
package io.vaultpki.emulator.auth;
