/**
 * Go's encodings that leak into Vault's wire format, reproduced byte for byte: JSON as {@code json.Encoder} writes
 * it (compact, newline-terminated, {@code \u0026}-style escapes, sorted map keys; https://pkg.go.dev/encoding/json)
 * and the text forms of {@code time.Duration}, {@code time.RFC3339Nano} and {@code strconv.ParseBool}
 * (https://pkg.go.dev/time, https://pkg.go.dev/strconv). Used by the server core and by every backend; depends on
 * nothing else in the emulator.
 */
package io.vaultpki.emulator.go;
