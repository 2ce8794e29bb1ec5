package io.vaultpki.exporter.files;

/**
 * A file's bytes, read from one resolved version directory.
 *
 * @param file    what it is
 * @param bytes   the content
 * @param serial  serial of the version it came from (for the ETag and the audit line)
 */
public record StoredFileContent(StoredFile file, byte[] bytes, String serial) {

    @Override
    public String toString() {
        return "StoredFileContent[" + file.name() + ", " + bytes.length + " bytes, serial=" + serial + "]";
    }
}
