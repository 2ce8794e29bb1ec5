/**
 * Keeping exports current. One attempt ({@code ExportRunner}: Vault, renewal plan, atomic write, hook, audit and
 * metrics) and what it leaves in the export's state ({@code ExportAttempts}: success, or backoff and the loop guard);
 * the renewal job that runs due exports on the worker pool and the scheduler that ticks it; and the timing rules
 * ({@code RenewalPolicy}, {@code RenewalSettings}), pure functions of the certificate's actual validity, the settings
 * and a random source, so every timing rule is testable without a clock or a sleep; {@code WindowedPlan} is the one
 * owner of the renew-window rules that follow the plan (wait for the window, the safety floor, retries).
 */
package io.vaultpki.exporter.renewal;
