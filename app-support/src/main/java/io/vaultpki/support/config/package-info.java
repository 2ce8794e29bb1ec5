/**
 * Settings both apps share the mechanics of: the environment variables of the tools they replace
 * ({@code CERT_EXPORT_PATH}, {@code PKI_MOUNT_PATH}, {@code MONITOR_INTERVAL}, {@code METRIC_UPDATE_INTERVAL}) mapped
 * onto their own settings in one table per app, below every explicit setting; and the check that a value given to a
 * settings record converts to its type instead of silently becoming the default.
 */
package io.vaultpki.support.config;
