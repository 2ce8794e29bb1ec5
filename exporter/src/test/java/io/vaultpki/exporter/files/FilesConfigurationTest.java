package io.vaultpki.exporter.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.vaultpki.exporter.ExporterContexts.bound;
import static io.vaultpki.exporter.ExporterContexts.startupLine;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code exporter.files.*} as one validated value: defaults, secrets read once, one line per bad value. */
class FilesConfigurationTest {

    private static final String ERROR = "vault-pki-exporter: configuration error: ";
    private static final String SECRET = "p12-secret-never-shown";

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreKeysOnlyForTheOwnerOneOldVersionForTwoMinutesAndNoSecrets() {
        FilesConfiguration c = bound(FilesConfiguration.class, Map.of());
        FileSettings settings = c.settings(dir);

        assertThat(settings).usingRecursiveComparison().isEqualTo(FileSettings.defaults(dir));
        assertThat(c.keyMode()).isEqualTo("0600");
        assertThat(c.keepVersions()).isEqualTo(1);
        assertThat(c.grace()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aSecretIsReadFromItsFileAndNeverShown() throws IOException {
        Path file = Files.writeString(dir.resolve("p12.pass"), SECRET + "\n");
        FilesConfiguration c = bound(FilesConfiguration.class, Map.of("exporter.files.pkcs12-password-file", file.toString(),
                "exporter.files.key-passphrase", SECRET));

        assertThat(c.settings(dir).secrets().pkcs12Password()).hasValueSatisfying(p -> assertThat(p).isEqualTo(SECRET.toCharArray()));
        assertThat(c.settings(dir).secrets().keyPassphrase()).hasValueSatisfying(p -> assertThat(p).isEqualTo(SECRET.toCharArray()));
        assertThat(c.toString()).doesNotContain(SECRET).contains("keyPassphrase=****");
    }

    @Test
    void an0640KeyModeNeedsTheReadersGroup() {
        assertThat(startupLine(Map.of("exporter.files.key-mode", "0640"))).isEqualTo(ERROR
                + "exporter.files.key-mode 0640 needs exporter.files.group (the readers' group)");
        assertThat(bound(FilesConfiguration.class, Map.of("exporter.files.key-mode", "640", "exporter.files.group", " certs "))
                .settings(dir)).extracting(FileSettings::keyMode, FileSettings::group)
                .containsExactly(FileSettings.MODE_0640, "certs");
    }

    @Test
    void anUnreadableSecretFileIsOneLineNamingItsSettingAtStartUp() {
        assertThat(startupLine(Map.of("exporter.files.pkcs12-password-file", dir.resolve("missing").toString())))
                .isEqualTo(ERROR + "exporter.files.pkcs12-password-file: cannot read " + dir.resolve("missing")
                        + " (NoSuchFileException)");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "exporter.files.key-mode|0777|exporter.files.key-mode must be 0600 or 0640, was '0777'",
            "exporter.files.keep-versions|0|exporter.files.keep-versions must be between 1 and 100, was 0",
            "exporter.files.keep-versions|101|exporter.files.keep-versions must be between 1 and 100, was 101",
            "exporter.files.keep-versions|one|exporter.files.keep-versions: not a valid int: 'one'",
            "exporter.files.grace|-1s|exporter.files.grace must not be negative, was PT-1S",
            "exporter.files.grace|later|exporter.files.grace: not a valid Duration: 'later'",
            "exporter.files.key-passphrase|''|exporter.files.key-passphrase must not be empty"})
    void aBadValueIsOneLineNamingTheSetting(String setting, String value, String message) {
        assertThat(startupLine(Map.of(setting, value))).isEqualTo(ERROR + message);
    }

    @Test
    void aSecretAndItsFileTogetherAreOneLineThatNeverShowsTheSecret() {
        String line = startupLine(Map.of("exporter.files.pkcs12-password", SECRET,
                "exporter.files.pkcs12-password-file", dir.resolve("p").toString()));

        assertThat(line).isEqualTo(ERROR + "exporter.files.pkcs12-password and exporter.files.pkcs12-password-file are"
                + " both set; choose one");
    }
}
