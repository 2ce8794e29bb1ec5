/**
 * The PKI health checks of {@code vault pki health-check}
 * (https://developer.hashicorp.com/vault/docs/commands/pki/health-check), run by the monitor continuously: pure
 * code over plain input records ({@link io.vaultpki.monitor.pkihealth.input.MountInputs}), so every check is
 * tested without Vault. {@link io.vaultpki.monitor.pkihealth.HealthCheckRunner} is the entry point: one mount's
 * inputs, the configuration and the time in, every enabled check's results out. It reads no clock and does no
 * I/O; which Vault reads feed the inputs is the caller's business.
 *
 * <p>Sub-packages: {@code model} (statuses, results, parameter specs), {@code input} (what a check reads),
 * {@code checks} (one class per check) and {@code config} ({@code monitor.health-checks.*} and the CLI's JSON file).
 */
package io.vaultpki.monitor.pkihealth;
