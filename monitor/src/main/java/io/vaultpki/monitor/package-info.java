/**
 * vault-pki-monitor: its entry point. Behaviour lives in the feature packages below.
 */
package io.vaultpki.monitor;
