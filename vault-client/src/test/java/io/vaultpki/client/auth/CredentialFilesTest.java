package io.vaultpki.client.auth;

import io.vaultpki.client.VaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialFilesTest {

    @TempDir
    Path dir;

    @Test
    void fileSupplierStripsWhitespaceAndReReadsOnEveryCall() throws Exception {
        Path file = dir.resolve("jwt");
        Files.writeString(file, "  first.jwt\n");
        var supplier = CredentialSupplier.ofFile(file);
        assertThat(supplier.get()).isEqualTo("first.jwt");

        Files.writeString(file, "second.jwt\r\n");
        assertThat(supplier.get()).isEqualTo("second.jwt");
    }

    @Test
    void missingFileErrorNamesThePath() {
        Path file = dir.resolve("absent");
        assertThatThrownBy(() -> CredentialSupplier.ofFile(file).get())
                .isInstanceOf(VaultException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void emptyFileErrorNamesThePath() throws Exception {
        Path file = dir.resolve("blank");
        Files.writeString(file, " \n");
        assertThatThrownBy(() -> CredentialSupplier.ofFile(file).get()).hasMessageContaining(file + " is empty");
    }

    @Test
    void fixedSupplierNeverPrintsItsValue() {
        assertThat(CredentialSupplier.of("s3cr3t-value").toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void tokenFileReportsAChangeOnlyWhenTheContentWasRewritten() throws Exception {
        Path file = dir.resolve("vault_token");
        Files.writeString(file, "hvs.first\n");
        var auth = new TokenFileAuthentication(file);
        assertThat(auth.credentialsChanged()).isFalse();
        assertThat(auth.login(null).token().reveal()).isEqualTo("hvs.first");
        assertThat(auth.credentialsChanged()).isFalse();

        // touched but identical content: no change
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(auth.credentialsChanged()).isFalse();

        Files.writeString(file, "hvs.second-token\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(auth.credentialsChanged()).isTrue();
        assertThat(auth.login(null).token().reveal()).isEqualTo("hvs.second-token");
        assertThat(auth.credentialsChanged()).isFalse();
    }

    @Test
    void tokenFileLoginFailureNamesTheFileButNotItsContent() {
        Path file = dir.resolve("missing-token");
        assertThatThrownBy(() -> new TokenFileAuthentication(file).login(null))
                .isInstanceOf(VaultLoginException.class)
                .hasMessageContaining("token-file")
                .hasMessageContaining(file.toString());
    }
}
