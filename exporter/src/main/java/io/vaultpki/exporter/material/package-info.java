/**
 * Certificate material as Vault hands it over (issue, sign, issuer, certificate by serial), split into certificate,
 * chain and key and checked before anything is written.
 */
package io.vaultpki.exporter.material;
