/**
 * What the health checks read, as plain immutable records the monitor owns: one
 * {@link io.vaultpki.monitor.pkihealth.input.MountInputs} per mount, each read wrapped in a
 * {@link io.vaultpki.monitor.pkihealth.input.Fetched} so that a read the token may not do (403), or one this Vault
 * lacks (404/405), turns into that check's result while every other check still runs. An adapter from the Vault
 * client's records fills them; the checks never see the client.
 */
package io.vaultpki.monitor.pkihealth.input;
