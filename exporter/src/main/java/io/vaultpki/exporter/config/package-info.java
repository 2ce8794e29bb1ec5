/**
 * The {@code exporter.*} settings (export root, default mount, refresh, files, renewal) and the exports defined in
 * configuration, checked at start-up with messages that name the setting.
 */
package io.vaultpki.exporter.config;
