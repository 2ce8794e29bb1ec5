/**
 * Browser tests: {@link io.vaultpki.testkit.browser.HeadlessChromium}, a headless Chromium driven by Selenium through
 * Debian's {@code chromium} and {@code chromium-driver} packages (installed by {@code .ci/run}), skipped where they
 * are absent.
 */
package io.vaultpki.testkit.browser;
