package io.vaultpki.client.auth;

import io.vaultpki.client.VaultException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a credential from a file on every {@link #get()}: Kubernetes projected service-account tokens, Nomad
 * workload identities and {@code secrets/vault_token} are rewritten in place when they rotate.
 * Errors name the file, never its content.
 */
public final class FileCredentialSupplier implements CredentialSupplier {

    private final Path file;

    public FileCredentialSupplier(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The file read on every call. */
    public Path file() {
        return file;
    }

    @Override
    public String get() {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new VaultException("Credential file " + file + " does not exist");
        } catch (IOException e) {
            throw new VaultException("Cannot read credential file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        String stripped = content.strip();
        if (stripped.isEmpty()) {
            throw new VaultException("Credential file " + file + " is empty");
        }
        return stripped;
    }

    @Override
    public String toString() {
        return "FileCredentialSupplier[" + file + "]";
    }
}
