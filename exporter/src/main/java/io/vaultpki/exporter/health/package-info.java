/**
 * Readiness of the exporter: DOWN until the exports are loaded after the port was bound, then UP while every export
 * has valid files or Vault can be reached to make them.
 */
package io.vaultpki.exporter.health;
