package io.vaultpki.emulator.auth;

import io.vaultpki.emulator.spi.Backend;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Operation;
import io.vaultpki.emulator.token.AuthResponses;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.emulator.token.TokenStore;

import java.time.Clock;
import java.util.Map;

/**
 * Common shape of the emulated auth methods: {@code login} (and {@code login/<name>}) is unauthenticated and
 * accepts only updates; a successful login mints a token whose path and display name follow Vault's rules.
 */
abstract class LoginBackend implements Backend {

    private final String type;
    private final TokenStore tokens;
    private final Clock clock;

    LoginBackend(String type, TokenStore tokens, Clock clock) {
        this.type = type;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public boolean isUnauthenticated(Operation operation, String relativePath) {
        return relativePath.equals("login") || relativePath.startsWith("login/");
    }

    @Override
    public final EmulatorResponse handle(EmulatorRequest request) {
        if (!isUnauthenticated(request.operation(), request.relativePath())) {
            return manage(request);
        }
        if (request.operation() != Operation.UPDATE) {
            return Backend.unsupportedOperation();
        }
        return login(request);
    }

    abstract EmulatorResponse login(EmulatorRequest request);

    /** An authenticated (ACL-checked) path other than the login, e.g. AppRole's role-id read; none by default. */
    EmulatorResponse manage(EmulatorRequest request) {
        return Backend.unsupportedPath();
    }

    /**
     * Mints the login token: display name is the mount path with {@code /} → {@code -} followed by the method's own
     * name (docs/vault-compatibility.md#emulator-tokens-and-logins), the path is the login path, and the token lives in the
     * mount's namespace.
     */
    final EmulatorResponse issue(EmulatorRequest request, TokenSpec spec, String methodDisplayName,
                                 Map<String, String> metadata) {
        String mount = request.mountPath().substring("auth/".length());
        String prefix = mount.substring(0, mount.length() - 1).replace('/', '-');
        String displayName = methodDisplayName.isEmpty() ? prefix : prefix + "-" + methodDisplayName;
        var token = tokens.createEntry(spec.toBuilder()
                .namespace(request.namespace())
                .path(request.mountPath() + request.relativePath())
                .displayName(spec.displayName().isEmpty() ? displayName : spec.displayName())
                .meta(metadata)
                .build());
        return AuthResponses.login(token, clock.instant());
    }

    static String text(EmulatorRequest request, String name) {
        String value = request.param(name);
        return value == null ? "" : value;
    }
}
