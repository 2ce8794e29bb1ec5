package io.vaultpki.exporter.files;

import io.vaultpki.exporter.material.CertificateMaterial;
import io.vaultpki.exporter.spec.ExportSpec;

import java.io.IOException;
import java.util.List;

/**
 * Whether the current intact version already holds what a write would put there, so nothing is written: the same
 * spec hash and the same files with the same hashes. A file with a random salt (PKCS#12, an encrypted key) never
 * has the same bytes twice, so its content is compared instead, opened with the current secrets.
 */
final class UnchangedFiles {

    private UnchangedFiles() {
    }

    static boolean sameAsCurrent(ExportSpec spec, Version current, List<RenderedFile> files, CertificateMaterial material,
                                 FileSecrets secrets) {
        ExportMetadata metadata = current.metadata();
        if (!metadata.madeFrom(spec) || metadata.files().size() != files.size()) {
            return false;
        }
        for (RenderedFile file : files) {
            String hash = metadata.files().get(file.name());
            if (hash == null) {
                return false;
            }
            if (!file.randomized(secrets)) {
                if (!hash.equals(file.sha256())) {
                    return false;
                }
                continue;
            }
            try {
                byte[] onDisk = ExportDirectory.readRegularFile(current.path().resolve(file.name()));
                FileContent content = FileContent.parse(file.role(), onDisk, secrets);
                if (!content.sameAs(FileContent.expected(file.role(), material))) {
                    return false;
                }
            } catch (IOException e) {
                // a rotated password no longer opens it: rewrite
                return false;
            }
        }
        return true;
    }
}
