/**
 * The life of an export: the manager that owns every export and its state, the scheduler that starts it after the
 * port is bound and runs due exports, one attempt (Vault, validation, switch, hook), persisted API specs, and what
 * the exporter knows of Vault's reachability.
 */
package io.vaultpki.exporter.export;
