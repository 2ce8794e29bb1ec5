package io.vaultpki.exporter.files;

import io.vaultpki.exporter.spec.ExportFile;

/**
 * One file rendered in memory, not yet on disk.
 *
 * @param name  on-disk name under the export's naming profile
 * @param role  what it holds
 * @param bytes the content
 */
record RenderedFile(String name, ExportFile role, byte[] bytes) {

    /** Encrypted keys and PKCS#12 bundles carry a fresh random salt, so equal content never means equal bytes. */
    boolean randomized(FileSecrets secrets) {
        return role == ExportFile.BUNDLE_P12
                || ((role == ExportFile.KEY_PEM || role == ExportFile.KEY_DER) && secrets.keyPassphrase().isPresent());
    }

    String sha256() {
        return Hashes.sha256(bytes);
    }

    @Override
    public String toString() {
        return "RenderedFile[" + name + ", " + bytes.length + " bytes]";
    }
}
