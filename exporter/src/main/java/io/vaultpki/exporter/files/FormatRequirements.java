package io.vaultpki.exporter.files;

import io.vaultpki.exporter.spec.ExportFile;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * What an export's formats need from the exporter's file settings, checked before Vault is asked: the {@code pkcs12}
 * format needs a password, {@code combined} cannot hold a key encrypted with a passphrase.
 */
final class FormatRequirements {

    private FormatRequirements() {
    }

    static List<FieldError> unmet(ExportSpec spec, FileSecrets secrets) {
        List<FieldError> problems = new ArrayList<>();
        if (spec.files().contains(ExportFile.BUNDLE_P12) && secrets.pkcs12Password().isEmpty()) {
            problems.add(new FieldError("formats", "pkcs12 needs a password: the exporter has no "
                    + "exporter.files.pkcs12-password or exporter.files.pkcs12-password-file"));
        }
        if (spec.files().contains(ExportFile.COMBINED_PEM) && secrets.keyPassphrase().isPresent()) {
            problems.add(new FieldError("formats", "combined cannot hold an encrypted key, and "
                    + "exporter.files.key-passphrase is set"));
        }
        return problems;
    }
}
