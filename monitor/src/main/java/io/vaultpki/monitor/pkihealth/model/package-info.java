/**
 * What a health check says ({@link io.vaultpki.monitor.pkihealth.model.CheckResult} with a
 * {@link io.vaultpki.monitor.pkihealth.model.CheckStatus}) and what it can be configured with
 * ({@link io.vaultpki.monitor.pkihealth.model.Param}, {@link io.vaultpki.monitor.pkihealth.model.CheckSettings}).
 * Depends on nothing else of the health checks.
 */
package io.vaultpki.monitor.pkihealth.model;
