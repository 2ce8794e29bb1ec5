/**
 * One class per health check, each with the Vault CLI's name, parameters, defaults and messages
 * (https://github.com/hashicorp/vault/tree/main/command/healthcheck), and
 * {@link io.vaultpki.monitor.pkihealth.checks.IssuanceAtRisk}, which the CLI lacks. {@link
 * io.vaultpki.monitor.pkihealth.checks.HealthChecks#all()} lists them in the CLI's order. Every check is a pure
 * function of the mount's inputs, its settings and the time.
 */
package io.vaultpki.monitor.pkihealth.checks;
