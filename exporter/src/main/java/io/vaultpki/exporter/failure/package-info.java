/**
 * What a failed export attempt means: its reason in the suite's one vocabulary (vault-client's failure classifier,
 * refined where the exporter itself judged Vault's answer), a short secret-free description, and whether Vault is
 * reachable as the last export call saw it.
 */
package io.vaultpki.exporter.failure;
