package io.vaultpki.emulator.auth;

import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.emulator.token.TokenStore;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Userpass: {@code POST auth/<mount>/login/<username>} with {@code password} (https://developer.hashicorp.com/vault/api-docs/auth/userpass). */
public final class UserpassBackend extends LoginBackend {

    private record User(String password, TokenSpec spec) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();

    public UserpassBackend(TokenStore tokens, Clock clock) {
        super("userpass", tokens, clock);
    }

    /** Registers a user; usernames are case-insensitive like Vault's. */
    public UserpassBackend user(String username, String password, TokenSpec spec) {
        users.put(username.toLowerCase(Locale.ROOT), new User(password, spec));
        return this;
    }

    @Override
    public boolean isUnauthenticated(io.vaultpki.emulator.spi.Operation operation, String relativePath) {
        return relativePath.startsWith("login/");
    }

    @Override
    EmulatorResponse login(EmulatorRequest request) {
        String username = request.relativePath().substring("login/".length()).toLowerCase(Locale.ROOT);
        String password = text(request, "password");
        if (password.isEmpty()) {
            return EmulatorResponse.error(400, "missing password");
        }
        User user = users.get(username);
        if (user == null || !MessageDigest.isEqual(user.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            return EmulatorResponse.error(400, "invalid username or password");
        }
        return issue(request, user.spec(), username, Map.of("username", username));
    }
}
