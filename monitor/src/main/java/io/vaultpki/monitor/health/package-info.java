/**
 * Health indicators behind {@code /health}, {@code /health/liveness} and {@code /health/readiness}. Liveness never
 * depends on Vault (Micronaut's dead-locked-threads check); readiness reads the current snapshot, so a probe never
 * waits on Vault either.
 */
package io.vaultpki.monitor.health;
