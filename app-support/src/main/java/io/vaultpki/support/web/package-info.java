/** HTTP-server helpers shared by vault-pki-monitor and vault-pki-exporter. */
package io.vaultpki.support.web;
