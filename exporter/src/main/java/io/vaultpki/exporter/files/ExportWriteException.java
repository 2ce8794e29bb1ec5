package io.vaultpki.exporter.files;

/**
 * Writing an export failed on disk: an I/O error, the export's lock held by another writer or replica, or a path
 * that is not ours (a planted symlink, a regular file where a link belongs). The visible files are unchanged. The
 * message names the path, never file contents.
 */
public class ExportWriteException extends RuntimeException {

    public ExportWriteException(String message) {
        super(message);
    }

    public ExportWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
