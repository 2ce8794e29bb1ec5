/**
 * When to renew an export's certificate and how long to wait after a failure: pure functions of the certificate's
 * actual validity, the settings and a random source, so every timing rule is testable without a clock or a sleep.
 */
package io.vaultpki.exporter.renewal;
