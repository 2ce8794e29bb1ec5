/** Client for the Vault / OpenBao HTTP API: authentication, token lifecycle and PKI operations. */
package io.vaultpki.client;
