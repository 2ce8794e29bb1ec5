/**
 * vault-pki-exporter: its entry point and the embedded demo. Behaviour lives in the feature packages below.
 */
package io.vaultpki.exporter;
