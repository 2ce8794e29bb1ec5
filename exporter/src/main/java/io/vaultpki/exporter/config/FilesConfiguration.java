package io.vaultpki.exporter.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;

/**
 * {@code exporter.files.*}: modes, group, versions kept, and the secrets that protect key files
 * ({@code pkcs12-password[-file]}, {@code key-passphrase[-file]}). A secret is read once at start-up; its value never
 * appears in a log line or an error.
 */
@ConfigurationProperties("exporter.files")
public class FilesConfiguration {

    private String group;
    private String keyMode = "0600";
    private int keepVersions = 1;
    private Duration grace = Duration.ofMinutes(2);
    private String pkcs12Password;
    private Path pkcs12PasswordFile;
    private String keyPassphrase;
    private Path keyPassphraseFile;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group == null || group.isBlank() ? null : group.trim();
    }

    public String getKeyMode() {
        return keyMode;
    }

    public void setKeyMode(String keyMode) {
        this.keyMode = keyMode;
    }

    public int getKeepVersions() {
        return keepVersions;
    }

    public void setKeepVersions(int keepVersions) {
        this.keepVersions = keepVersions;
    }

    public Duration getGrace() {
        return grace;
    }

    public void setGrace(Duration grace) {
        this.grace = grace;
    }

    public void setPkcs12Password(String pkcs12Password) {
        this.pkcs12Password = pkcs12Password;
    }

    public void setPkcs12PasswordFile(Path pkcs12PasswordFile) {
        this.pkcs12PasswordFile = pkcs12PasswordFile;
    }

    public void setKeyPassphrase(String keyPassphrase) {
        this.keyPassphrase = keyPassphrase;
    }

    public void setKeyPassphraseFile(Path keyPassphraseFile) {
        this.keyPassphraseFile = keyPassphraseFile;
    }

    /** The key file mode, 0600 or 0640 (never world bits). */
    public Set<PosixFilePermission> keyPermissions() {
        String mode = keyMode == null ? "" : keyMode.trim();
        return switch (mode) {
            case "0600", "600" -> PosixFilePermissions.fromString("rw-------");
            case "0640", "640" -> PosixFilePermissions.fromString("rw-r-----");
            default -> throw new ConfigurationException("exporter.files.key-mode must be 0600 or 0640, was '" + keyMode + "'");
        };
    }

    /** The PKCS#12 password, from the setting or its file; {@code null} when neither is set. */
    public char[] pkcs12Password() {
        return secret("exporter.files.pkcs12-password", pkcs12Password, pkcs12PasswordFile);
    }

    /** The key-encryption passphrase, from the setting or its file; {@code null} when neither is set. */
    public char[] keyPassphrase() {
        return secret("exporter.files.key-passphrase", keyPassphrase, keyPassphraseFile);
    }

    /** Checks every setting; the message names the offending one. */
    public FilesConfiguration validate() {
        keyPermissions();
        if (keepVersions < 1 || keepVersions > 100) {
            throw new ConfigurationException("exporter.files.keep-versions must be between 1 and 100, was " + keepVersions);
        }
        if (grace == null || grace.isNegative()) {
            throw new ConfigurationException("exporter.files.grace must not be negative, was " + grace);
        }
        if ("0640".equals(keyMode) || "640".equals(keyMode)) {
            if (group == null) {
                throw new ConfigurationException("exporter.files.key-mode 0640 needs exporter.files.group (the readers' group)");
            }
        }
        pkcs12Password();
        keyPassphrase();
        return this;
    }

    private static char[] secret(String setting, String value, Path file) {
        if (value != null && file != null) {
            throw new ConfigurationException(setting + " and " + setting + "-file are both set; choose one");
        }
        if (value != null) {
            if (value.isEmpty()) {
                throw new ConfigurationException(setting + " must not be empty");
            }
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
}
