/**
 * The export directory tree: rendering certificate material into files, validating it in memory, writing immutable
 * version directories switched by one {@code ..data} symlink, and recovering from crashes at start-up.
 */
package io.vaultpki.exporter.files;
