package io.vaultpki.exporter.renewal;

import io.vaultpki.exporter.files.WriteResult;
import io.vaultpki.exporter.hook.HookResult;

import java.time.Instant;
import java.util.Optional;

/**
 * What one successful attempt did.
 *
 * @param write   the store's result (switched or unchanged)
 * @param issued  whether Vault minted a new certificate (issue, sign)
 * @param next    when the export is due again
 * @param hook    the hook's result, when one ran
 */
public record AttemptResult(WriteResult write, boolean issued, Instant next, Optional<HookResult> hook) {
}
