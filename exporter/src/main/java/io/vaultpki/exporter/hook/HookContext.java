package io.vaultpki.exporter.hook;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What a hook is told about the switch it follows; passed as {@code EXPORT_*} environment variables.
 *
 * @param exportName the export's name ({@code EXPORT_NAME})
 * @param directory  the export's directory, also the hook's working directory ({@code EXPORT_DIR})
 * @param serial     the new certificate's serial in colon-hex ({@code EXPORT_SERIAL})
 * @param notAfter   the new certificate's expiry ({@code EXPORT_NOT_AFTER}, RFC 3339)
 * @param commonName the new certificate's common name ({@code EXPORT_COMMON_NAME})
 */
public record HookContext(String exportName, Path directory, String serial, Instant notAfter, String commonName) {
}
