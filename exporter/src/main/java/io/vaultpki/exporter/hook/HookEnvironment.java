package io.vaultpki.exporter.hook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The environment a hook process gets: the exporter's own, minus everything that looks like a credential, plus the
 * {@code EXPORT_*} variables describing the switch.
 */
final class HookEnvironment {

    /** Any variable whose name contains one of these is a secret in every convention we know of. */
    private static final List<String> SECRET_MARKERS = List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE",
            "PRIVATE_KEY");
    /** Vault credentials whose names carry none of the markers: AppRole's role ID, the client-certificate key, JWTs. */
    private static final List<String> VAULT_CREDENTIAL_MARKERS = List.of("ROLE_ID", "KEY", "JWT", "CREDENTIAL");

    private HookEnvironment() {
    }

    /**
     * The child's environment. Credentials are removed because a hook is an arbitrary user command (often a
     * script that logs its environment or calls other tools): the exporter's Vault token or AppRole secret ID
     * would let it mint any certificate the exporter's Vault role allows, and the API tokens would let it read
     * every key — a hook needs neither to reload a server.
     */
    static Map<String, String> of(Map<String, String> inherited, HookContext context) {
        Map<String, String> env = new LinkedHashMap<>();
        inherited.forEach((name, value) -> {
            if (!isSecret(name)) {
                env.put(name, value);
            }
        });
        env.put("EXPORT_NAME", context.exportName());
        env.put("EXPORT_DIR", context.directory().toString());
        env.put("EXPORT_SERIAL", orEmpty(context.serial()));
        env.put("EXPORT_NOT_AFTER", rfc3339(context.notAfter()));
        env.put("EXPORT_COMMON_NAME", orEmpty(context.commonName()));
        return env;
    }

    /** Whether a variable must not reach a hook. */
    static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String marker : SECRET_MARKERS) {
            if (upper.contains(marker)) {
                return true;
            }
        }
        if (upper.startsWith("VAULT_")) {
            for (String marker : VAULT_CREDENTIAL_MARKERS) {
                if (upper.contains(marker)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rfc3339(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
