/**
 * One HTTPS setup for both apps: an app's {@code <app>.tls.*} settings ({@code MONITOR_TLS_*}, {@code EXPORTER_TLS_*})
 * turn on HTTPS with optional client-certificate authentication on the main port, and a plain HTTP port
 * ({@code <app>.health-port}) that answers only the health probes.
 */
package io.vaultpki.support.https;
