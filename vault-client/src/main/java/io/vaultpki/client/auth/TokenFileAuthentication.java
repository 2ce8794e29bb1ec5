package io.vaultpki.client.auth;

import io.vaultpki.client.VaultException;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.http.VaultTransport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A token read from a file ({@code ~/.vault-token}, or Nomad's {@code secrets/vault_token}). "Logging in" re-reads
 * the file; {@link #credentialsChanged()} tells the session when the file was rewritten so it adopts the new token
 * before the next request.
 */
public final class TokenFileAuthentication implements VaultAuthentication {

    public static final String METHOD = "token-file";
    /** Name of the Vault CLI's token file in the user's home directory. */
    public static final String DEFAULT_FILE_NAME = ".vault-token";

    private final FileCredentialSupplier file;
    private final AtomicReference<Stamp> lastRead = new AtomicReference<>();

    public TokenFileAuthentication(Path file) {
        this.file = new FileCredentialSupplier(Objects.requireNonNull(file, "vault.auth.token-file.path must not be empty"));
    }

    /** {@code $HOME/.vault-token}, where the Vault CLI writes it. */
    public static Path defaultFile() {
        return HomeDirectory.of(System.getenv()).resolve(DEFAULT_FILE_NAME);
    }

    /** The token file. */
    public Path file() {
        return file.file();
    }

    @Override
    public LoginToken login(VaultTransport transport) {
        String token;
        try {
            token = file.get();
        } catch (VaultException e) {
            throw new VaultLoginException(METHOD, null, e.getMessage(), e);
        }
        lastRead.set(stamp(token));
        return LoginToken.ofStatic(VaultToken.of(token));
    }

    @Override
    public String method() {
        return METHOD;
    }

    /** True when the file's size or modification time moved and its content hash differs from the last login. */
    @Override
    public boolean credentialsChanged() {
        Stamp last = lastRead.get();
        if (last == null) {
            return false;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file.file(), BasicFileAttributes.class);
        } catch (IOException e) {
            // a file being replaced can vanish for a moment; keep the current token until it is back
            return false;
        }
        if (attributes.size() == last.size && attributes.lastModifiedTime().toMillis() == last.modifiedMillis) {
            return false;
        }
        try {
            String content = Files.readString(file.file(), StandardCharsets.UTF_8).strip();
            if (content.isEmpty()) {
                return false;
            }
            return !Arrays.equals(sha256(content), last.hash);
        } catch (IOException e) {
            return false;
        }
    }

    private Stamp stamp(String token) {
        try {
            BasicFileAttributes a = Files.readAttributes(file.file(), BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime().toMillis(), sha256(token));
        } catch (IOException e) {
            return new Stamp(-1, -1, sha256(token));
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    private record Stamp(long size, long modifiedMillis, byte[] hash) {
    }

    @Override
    public String toString() {
        return "TokenFileAuthentication[" + file.file() + "]";
    }
}
