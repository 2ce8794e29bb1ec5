package io.vaultpki.exporter.hook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The environment a hook process gets, built from an allow-list rather than by scrubbing: a few inherited variables
 * a command needs to run at all ({@link #INHERITED}, {@code LC_*}), the operator's own
 * {@code exporter.hooks.<name>.environment}, then the {@code EXPORT_*} variables describing the switch. Nothing else
 * of the exporter's environment reaches the hook, so a Vault token, AppRole secret, API token or key passphrase in
 * any variable, under any name, stays with the exporter.
 */
final class HookEnvironment {

    /** Inherited as they are: the command's search path, its user, its locale and time zone, its temp directory. */
    static final Set<String> INHERITED = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR");
    /** Used when the exporter itself runs without {@code PATH} (a minimal container), so {@code nginx} still resolves. */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** A variable whose name contains one of these holds a secret in every convention we know of. */
    private static final List<String> CREDENTIAL_MARKERS = List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE",
            "PRIVATE_KEY", "CREDENTIAL", "API_KEY", "APIKEY");
    /** Vault credentials whose names carry none of the markers: AppRole's role ID, the client-certificate key, JWTs. */
    private static final List<String> VAULT_CREDENTIAL_MARKERS = List.of("ROLE_ID", "KEY", "JWT", "AUTH");

    private HookEnvironment() {
    }

    /**
     * The child's environment.
     *
     * @param inherited the exporter's environment; only {@link #INHERITED} names and {@code LC_*} are taken
     * @param operator  {@code exporter.hooks.<name>.environment} (already checked: no credential names)
     * @param hookName  the hook's name ({@code EXPORT_HOOK})
     * @param context   the switch
     */
    static Map<String, String> of(Map<String, String> inherited, Map<String, String> operator, String hookName,
                                  HookContext context) {
        Map<String, String> env = new LinkedHashMap<>();
        inherited.forEach((name, value) -> {
            if (isInherited(name) && value != null) {
                env.put(name, value);
            }
        });
        env.putIfAbsent("PATH", DEFAULT_PATH);
        operator.forEach((name, value) -> {
            if (!isCredential(name) && !name.toUpperCase(Locale.ROOT).startsWith("EXPORT_")) {
                env.put(name, value);
            }
        });
        env.put("EXPORT_NAME", context.exportName());
        env.put("EXPORT_DIR", context.directory().toString());
        env.put("EXPORT_SERIAL", orEmpty(context.serial()));
        env.put("EXPORT_NOT_AFTER", rfc3339(context.notAfter()));
        // the certificate's CN: a write token chooses it within its policy, so it is data, never trusted text
        env.put("EXPORT_COMMON_NAME", printable(context.commonName()));
        env.put("EXPORT_HOOK", hookName);
        return env;
    }

    /** Whether an inherited variable may reach a hook. */
    static boolean isInherited(String name) {
        return INHERITED.contains(name) || name.startsWith("LC_");
    }

    /** Whether a variable name looks like a credential; such names are never configured for, nor passed to, a hook. */
    static boolean isCredential(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String marker : CREDENTIAL_MARKERS) {
            if (upper.contains(marker)) {
                return true;
            }
        }
        if (upper.startsWith("VAULT_") || upper.startsWith("BAO_") || upper.startsWith("EXPORTER_API_")) {
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

    private static String printable(String value) {
        return value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
