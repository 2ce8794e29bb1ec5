/**
 * {@code monitor.health-checks.*} ({@link io.vaultpki.monitor.pkihealth.config.HealthChecksConfiguration}) and the
 * Vault CLI's JSON configuration file it may name, merged and checked at start-up into one immutable
 * {@link io.vaultpki.monitor.pkihealth.config.HealthCheckConfig}: defaults, then the file, then per-check properties.
 */
package io.vaultpki.monitor.pkihealth.config;
