/**
 * Helpers shared by the apps' tests (test scope only): an emulated Vault with AppRole, polling with a deadline,
 * captured logs, child JVMs, test certificates; a headless Chromium in {@code browser}.
 */
package io.vaultpki.testkit;
