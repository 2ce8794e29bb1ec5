/**
 * TLS to Vault as the Vault CLI configures it: CA files and directories, client certificates, server name, and the
 * explicit insecure mode.
 */
package io.vaultpki.client.tls;
