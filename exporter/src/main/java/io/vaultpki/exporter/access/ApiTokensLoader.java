package io.vaultpki.exporter.access;

import io.vaultpki.exporter.spec.Source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@code exporter.api.tokens} (a list of maps, as the configuration holds it) into {@link ApiTokens}. Each token
 * has a {@code name}, exactly one of {@code sha256} (hex), {@code sha256-file} or {@code token-file} (the plain token,
 * hashed here and never kept), {@code scopes}, optional {@code exports} globs and an optional write {@code policy}.
 * Every mistake is fatal at start-up and named by its setting, e.g. {@code exporter.api.tokens[1].scopes}.
 */
public final class ApiTokensLoader {

    public static final String PREFIX = "exporter.api.tokens";
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9._@-]{1,64}$");
    private static final Pattern HEX64 = Pattern.compile("^[0-9a-fA-F]{64}$");
    private static final int MIN_TOKEN_LENGTH = 16;
    private static final Set<String> TOKEN_KEYS = Set.of("name", "sha256", "sha256file", "tokenfile", "scopes", "exports", "policy");
    private static final Set<String> POLICY_KEYS = Set.of("sources", "mounts", "roles", "commonnames", "altnames",
            "issuerrefs", "hooks");

    private ApiTokensLoader() {
    }

    public static ApiTokens load(List<?> tokens) {
        if (tokens == null) {
            return ApiTokens.none();
        }
        List<ApiTokens.Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String at = PREFIX + "[" + i + "]";
            if (!(tokens.get(i) instanceof Map<?, ?> raw)) {
                throw new ApiConfigurationException(at, "must be a map with name, sha256 (or sha256-file, token-file) and scopes");
            }
            Map<String, Object> token = normalise(raw, TOKEN_KEYS, at);
            String name = text(token.get("name"), at + ".name");
            if (!NAME.matcher(name).matches()) {
                throw new ApiConfigurationException(at + ".name", "must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
            }
            if (!names.add(name)) {
                throw new ApiConfigurationException(at + ".name", "'" + name + "' is used by another token");
            }
            byte[] hash = hash(token, at);
            entries.add(new ApiTokens.Entry(hash, principal(token, at, "token", name)));
        }
        for (int i = 0; i < entries.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (java.util.Arrays.equals(entries.get(i).sha256(), entries.get(j).sha256())) {
                    throw new ApiConfigurationException(PREFIX + "[" + i + "]", "has the same token as " + PREFIX + "[" + j + "]");
                }
            }
        }
        return new ApiTokens(entries);
    }

    /** The scopes, allow-list and policy of one configured principal (token or client certificate). */
    static ApiPrincipal principal(Map<String, Object> entry, String at, String type, String name) {
        Set<Scope> scopes = scopes(entry.get("scopes"), at + ".scopes");
        List<Glob> exports = entry.containsKey("exports") ? globs(entry.get("exports"), at + ".exports", Glob::of) : null;
        WritePolicy policy = entry.containsKey("policy") ? policy(entry.get("policy"), at + ".policy") : WritePolicy.UNRESTRICTED;
        return new ApiPrincipal(name, type, scopes, exports, policy);
    }

    private static byte[] hash(Map<String, Object> token, String at) {
        int given = (token.containsKey("sha256") ? 1 : 0) + (token.containsKey("sha256file") ? 1 : 0)
                + (token.containsKey("tokenfile") ? 1 : 0);
        if (given != 1) {
            throw new ApiConfigurationException(at, "needs exactly one of sha256, sha256-file or token-file");
        }
        if (token.containsKey("sha256")) {
            return hex(text(token.get("sha256"), at + ".sha256"), at + ".sha256");
        }
        if (token.containsKey("sha256file")) {
            String setting = at + ".sha256-file";
            return hex(read(text(token.get("sha256file"), setting), setting), setting);
        }
        String setting = at + ".token-file";
        String plain = read(text(token.get("tokenfile"), setting), setting);
        if (plain.length() < MIN_TOKEN_LENGTH) {
            throw new ApiConfigurationException(setting, "the token in the file must be at least " + MIN_TOKEN_LENGTH + " characters");
        }
        return ApiTokens.sha256(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hex(String value, String setting) {
        if (!HEX64.matcher(value).matches()) {
            throw new ApiConfigurationException(setting, "must be the 64 hex digits of a SHA-256 hash");
        }
        return HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT));
    }

    private static String read(String file, String setting) {
        try {
            // the trailing newline editors and `echo` add is not part of the token
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            throw new ApiConfigurationException(setting, "cannot read file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Set<Scope> scopes(Object value, String setting) {
        List<String> list = strings(value, setting);
        if (list.isEmpty()) {
            throw new ApiConfigurationException(setting, "must list at least one of read, write, keys");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : list) {
            scopes.add(Scope.parse(s.trim().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                    new ApiConfigurationException(setting, "unknown scope '" + s + "' (read, write, keys)")));
        }
        return scopes;
    }

    private static WritePolicy policy(Object value, String setting) {
        if (!(value instanceof Map<?, ?> raw)) {
            throw new ApiConfigurationException(setting, "must be a map of sources, mounts, roles, common-names, alt-names,"
                    + " issuer-refs, hooks");
        }
        Map<String, Object> p = normalise(raw, POLICY_KEYS, setting);
        List<Source> sources = null;
        if (p.containsKey("sources")) {
            sources = new ArrayList<>();
            for (String s : strings(p.get("sources"), setting + ".sources")) {
                sources.add(Source.parse(s).orElseThrow(() -> new ApiConfigurationException(setting + ".sources",
                        "unknown source '" + s + "' (issue, issuer, certificate, sign)")));
            }
        }
        return new WritePolicy(sources,
                p.containsKey("mounts") ? globs(p.get("mounts"), setting + ".mounts", g -> Glob.of(g.replaceAll("^/+|/+$", ""))) : null,
                p.containsKey("roles") ? globs(p.get("roles"), setting + ".roles", Glob::of) : null,
                p.containsKey("commonnames") ? globs(p.get("commonnames"), setting + ".common-names", Glob::ofHostName) : null,
                p.containsKey("altnames") ? globs(p.get("altnames"), setting + ".alt-names", Glob::ofHostName) : null,
                p.containsKey("issuerrefs") ? globs(p.get("issuerrefs"), setting + ".issuer-refs", Glob::of) : null,
                p.containsKey("hooks") ? globs(p.get("hooks"), setting + ".hooks", Glob::of) : null);
    }

    private static List<Glob> globs(Object value, String setting, Function<String, Glob> make) {
        List<Glob> out = new ArrayList<>();
        for (String s : strings(value, setting)) {
            if (s.isBlank()) {
                throw new ApiConfigurationException(setting, "must not contain an empty pattern");
            }
            out.add(make.apply(s.trim()));
        }
        return List.copyOf(out);
    }

    /** A YAML list, or a comma-separated string as environment variables give it. */
    private static List<String> strings(Object value, String setting) {
        if (value instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            for (Object o : c) {
                if (!(o instanceof String || o instanceof Number)) {
                    throw new ApiConfigurationException(setting, "must be a list of strings");
                }
                out.add(o.toString());
            }
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            // a list written as indexed keys (tokens[0].scopes[0]=read) can arrive as a map keyed by index
            java.util.TreeMap<Integer, Object> byIndex = new java.util.TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                try {
                    byIndex.put(Integer.parseInt(String.valueOf(e.getKey())), e.getValue());
                } catch (NumberFormatException ex) {
                    throw new ApiConfigurationException(setting, "must be a list of strings");
                }
            }
            return strings(new ArrayList<>(byIndex.values()), setting);
        }
        if (value instanceof String s) {
            return s.isBlank() ? List.of() : List.of(s.split("\\s*,\\s*"));
        }
        throw new ApiConfigurationException(setting, "must be a list of strings");
    }

    private static String text(Object value, String setting) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new ApiConfigurationException(setting, "is required");
        }
        return s.trim();
    }

    /**
     * Indexed properties ({@code exporter.api.tokens[0].policy.mounts=pki_int}, as environment variables set them)
     * arrive with dotted keys inside the list entry; nest them as YAML would.
     */
    private static Map<Object, Object> unflatten(Map<?, ?> raw) {
        Map<Object, Object> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            String key = String.valueOf(e.getKey());
            int dot = key.indexOf('.');
            if (dot < 0) {
                out.put(key, e.getValue());
                continue;
            }
            Object nested = out.computeIfAbsent(key.substring(0, dot), k -> new java.util.LinkedHashMap<>());
            if (nested instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<Object, Object> target = (Map<Object, Object>) m;
                target.put(key.substring(dot + 1), e.getValue());
            }
        }
        return out;
    }

    /** Keys compared without case, dashes or underscores, so sha256-file, sha256File and sha256_file are one key. */
    static Map<String, Object> normalise(Map<?, ?> raw, Set<String> allowed, String at) {
        Map<String, Object> out = new java.util.HashMap<>();
        for (Map.Entry<?, ?> e : unflatten(raw).entrySet()) {
            String key = String.valueOf(e.getKey()).replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
            if (!allowed.contains(key)) {
                throw new ApiConfigurationException(at + "." + e.getKey(), "unknown setting");
            }
            out.put(key, e.getValue());
        }
        return out;
    }
}
