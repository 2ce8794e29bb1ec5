package io.vaultpki.exporter.files;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;

/**
 * {@code exporter.files.*}: modes, group, versions kept, and the secrets that protect key files. Checked once, when
 * the bean is built at start-up; every message names the setting. A secret is read from its file once, by
 * {@link #settings(Path)}; no value of a secret appears in {@link #toString()}, a log line or an error.
 *
 * @param group              group owner of export directories and files, for sidecar readers; none keeps the process's
 * @param keyMode            mode of private files, {@code 0600} or {@code 0640} (which needs {@code group})
 * @param keepVersions       old versions kept beside the current one
 * @param grace              how long a superseded version stays at least, for readers that just resolved it
 * @param pkcs12Password     the password of {@code bundle.p12}
 * @param pkcs12PasswordFile a file holding it (a Kubernetes Secret, a Nomad template)
 * @param keyPassphrase      when set, {@code key.pem} and {@code key.der} are encrypted with it
 * @param keyPassphraseFile  a file holding it
 */
@Context
@ConfigurationProperties("exporter.files")
public record FilesConfiguration(
        @Nullable String group,
        @Bindable(defaultValue = "0600") @Pattern(regexp = "^\\s*0?6[04]0\\s*$", message = KEY_MODE) String keyMode,
        @Bindable(defaultValue = "1") @Min(value = 1, message = KEEP) @Max(value = 100, message = KEEP) int keepVersions,
        @Bindable(defaultValue = "2m") Duration grace,
        @Nullable String pkcs12Password,
        @Nullable Path pkcs12PasswordFile,
        @Nullable String keyPassphrase,
        @Nullable Path keyPassphraseFile) {

    static final String KEY_MODE = "exporter.files.key-mode must be 0600 or 0640, was '{validatedValue}'";
    static final String KEEP = "exporter.files.keep-versions must be between 1 and 100, was {validatedValue}";

    public FilesConfiguration {
        group = group == null || group.isBlank() ? null : group.strip();
        keyMode = keyMode == null ? "0600" : keyMode.strip();
        if (grace == null || grace.isNegative()) {
            throw new ConfigurationException("exporter.files.grace must not be negative, was " + grace);
        }
        if (permissions(keyMode).equals(FileSettings.MODE_0640) && group == null) {
            throw new ConfigurationException("exporter.files.key-mode 0640 needs exporter.files.group (the readers' group)");
        }
        requireOne("exporter.files.pkcs12-password", pkcs12Password, pkcs12PasswordFile);
        requireOne("exporter.files.key-passphrase", keyPassphrase, keyPassphraseFile);
    }

    /** The key file mode: 0600, or 0640 (never world bits). */
    public Set<PosixFilePermission> keyPermissions() {
        return permissions(keyMode);
    }

    private static Set<PosixFilePermission> permissions(String keyMode) {
        return keyMode.endsWith("640") ? FileSettings.MODE_0640 : FileSettings.MODE_0600;
    }

    /** The store's settings under {@code root}, with the secrets read from their settings or files now. */
    public FileSettings settings(Path root) {
        return new FileSettings(root, group, keyPermissions(), keepVersions, grace, FileSecrets.of(
                secret("exporter.files.pkcs12-password", pkcs12Password, pkcs12PasswordFile),
                secret("exporter.files.key-passphrase", keyPassphrase, keyPassphraseFile)));
    }

    private static void requireOne(String setting, String value, Path file) {
        if (value != null && file != null) {
            throw new ConfigurationException(setting + " and " + setting + "-file are both set; choose one");
        }
        if (value != null && value.isEmpty()) {
            throw new ConfigurationException(setting + " must not be empty");
        }
    }

    private static char[] secret(String setting, String value, Path file) {
        if (value != null) {
            return value.toCharArray();
        }
        if (file == null) {
            return null;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new ConfigurationException(setting + "-file: " + file + " is empty");
            }
            return text.toCharArray();
        } catch (IOException e) {
            throw new ConfigurationException(setting + "-file: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Which secrets are set, never their values. */
    @Override
    public String toString() {
        return "FilesConfiguration[group=" + group + ", keyMode=" + keyMode + ", keepVersions=" + keepVersions
                + ", grace=" + grace + ", pkcs12Password=" + (pkcs12Password == null ? "none" : "****")
                + ", pkcs12PasswordFile=" + pkcs12PasswordFile + ", keyPassphrase=" + (keyPassphrase == null ? "none" : "****")
                + ", keyPassphraseFile=" + keyPassphraseFile + "]";
    }
}
