/**
 * The general {@code exporter.*} settings (export root, default mount, refresh, concurrency) as one validated record,
 * the one table of environment variables of the replaced tools ({@code CERT_EXPORT_PATH}, {@code PKI_MOUNT_PATH},
 * {@code MONITOR_INTERVAL}), the check that refuses values that do not convert, and the exports defined in
 * configuration. The settings of one feature live with it ({@code files}, {@code renewal}, {@code audit},
 * {@code access}, {@code hook}); all are checked once at start-up with messages that name the setting.
 */
package io.vaultpki.exporter.config;
