/**
 * Reading Vault for the PKI health checks: which reads the enabled checks need ({@link
 * io.vaultpki.monitor.pkihealth.vault.ReadPlan}), and an adapter from the Vault client's records to the checks'
 * {@link io.vaultpki.monitor.pkihealth.input.MountInputs} ({@link io.vaultpki.monitor.pkihealth.vault.MountReader}),
 * reusing what the expiry refresh already read ({@link io.vaultpki.monitor.pkihealth.vault.RefreshData}). Every
 * request goes through the caller's {@link io.vaultpki.monitor.pkihealth.vault.VaultRequests}, so the refresh's
 * limiter and request counters see it; this package does not know the refresh.
 */
package io.vaultpki.monitor.pkihealth.vault;
