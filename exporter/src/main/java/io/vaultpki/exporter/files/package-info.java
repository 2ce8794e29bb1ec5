/**
 * The export directory tree and its settings ({@code exporter.files.*}): rendering certificate material into files,
 * validating it in memory, writing immutable version directories switched by one {@code ..data} symlink, reading only
 * intact versions, removing old ones, and recovering from crashes at start-up.
 */
package io.vaultpki.exporter.files;
