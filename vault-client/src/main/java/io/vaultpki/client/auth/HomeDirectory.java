package io.vaultpki.client.auth;

import java.nio.file.Path;
import java.util.Map;

/**
 * The home directory where {@code .vault-token} lives, found as the Vault CLI finds it: {@code $HOME} first, the
 * account's home only when {@code $HOME} is unset or empty. The CLI's token helper uses go-homedir's {@code Dir()}
 * (https://github.com/hashicorp/vault/blob/main/command/token/helper_internal.go,
 * https://github.com/mitchellh/go-homedir/blob/master/homedir.go), which reads {@code HOME} on Unix. Java's
 * {@code user.home} comes from the password database instead, so a container run with {@code HOME=/tmp} or a
 * {@code sudo -E} would otherwise look in a different place than {@code vault login} wrote to.
 */
public final class HomeDirectory {

    private HomeDirectory() {
    }

    /** {@code $HOME} from {@code environment}, else the JVM's {@code user.home}. */
    public static Path of(Map<String, String> environment) {
        String home = environment.get("HOME");
        return home == null || home.isBlank() ? Path.of(System.getProperty("user.home")) : Path.of(home);
    }
}
