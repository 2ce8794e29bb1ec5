/**
 * Settings both apps share the mechanics of: the environment variables of the tools they replace
 * ({@code CERT_EXPORT_PATH}, {@code PKI_MOUNT_PATH}, {@code MONITOR_INTERVAL}, {@code METRIC_UPDATE_INTERVAL}) mapped
 * onto their own settings in one table per app, below every explicit setting; the duration constraints their
 * settings records use; and the check that a record's configured value really converted.
 */
package io.vaultpki.support.config;
