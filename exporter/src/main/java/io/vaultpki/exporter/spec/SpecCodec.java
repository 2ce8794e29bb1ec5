package io.vaultpki.exporter.spec;

import io.vaultpki.client.GoDurations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts an {@link ExportSpec} to and from a plain map: the shape of a configuration block
 * ({@code exporter.exports.<name>}, kebab-case keys) and of the persisted JSON of API exports (snake_case keys). Both
 * spellings are accepted on input; unknown keys and wrong types are field errors, so a typo in a config file never
 * silently drops a SAN.
 *
 * <p>{@code hook} is a hook's <em>name</em>. Older versions persisted an inline {@code hook: {command, timeout}}
 * object; {@link #fromPersisted} still loads such a spec (the export keeps renewing) but keeps nothing of the command
 * but the fact that it was there, so it can never run. Everywhere else an inline command is a field error.
 */
public final class SpecCodec {

    private static final Set<String> KEYS = Set.of("name", "source", "mount", "role", "issuer_ref", "serial",
            "common_name", "alt_names", "ip_sans", "uri_sans", "ttl", "key_type", "key_bits", "csr", "formats",
            "naming", "renew_before", "hook", "revoke_previous", "renew_window", "renew_window_floor");

    private SpecCodec() {
    }

    /** The snake_case map of {@code spec}, as persisted. */
    public static Map<String, Object> toMap(ExportSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("source", spec.source().wire());
        putIfSet(m, "mount", spec.mount());
        putIfSet(m, "role", spec.role());
        putIfSet(m, "issuer_ref", spec.issuerRef());
        putIfSet(m, "serial", spec.serial());
        putIfSet(m, "common_name", spec.commonName());
        m.put("alt_names", spec.altNames());
        m.put("ip_sans", spec.ipSans());
        m.put("uri_sans", spec.uriSans());
        if (spec.ttl() != null) {
            m.put("ttl", spec.ttl().toSeconds() + "s");
        }
        putIfSet(m, "key_type", spec.keyType());
        if (spec.keyBits() != 0) {
            m.put("key_bits", spec.keyBits());
        }
        putIfSet(m, "csr", spec.csr());
        List<String> formats = new ArrayList<>();
        spec.formats().forEach(f -> formats.add(f.wire()));
        m.put("formats", formats);
        m.put("naming", spec.naming().wire());
        if (spec.renewBefore() != null) {
            m.put("renew_before", spec.renewBefore().toSeconds() + "s");
        }
        putIfSet(m, "hook", spec.hook());
        if (spec.revokePrevious()) {
            m.put("revoke_previous", true);
        }
        if (spec.renewWindow() != null) {
            m.put("renew_window", spec.renewWindow().text());
        }
        if (spec.renewWindowFloor() != null) {
            m.put("renew_window_floor", spec.renewWindowFloor().toSeconds() + "s");
        }
        return m;
    }

    /**
     * Reads a spec named {@code name} from {@code map} (a {@code name} key in the map, if any, must agree).
     * {@code defaultMount} fills a missing mount. Every problem is collected; {@link SpecFormatException} carries them.
     */
    public static ExportSpec fromMap(String name, Map<?, ?> map, String defaultMount) {
        return read(name, map, defaultMount, false);
    }

    /**
     * As {@link #fromMap}, for a spec file under {@code .state/specs}: a legacy inline hook object is accepted and
     * dropped, leaving {@link ExportSpec#legacyInlineHook()} set and no hook name.
     */
    public static ExportSpec fromPersisted(String name, Map<?, ?> map, String defaultMount) {
        return read(name, map, defaultMount, true);
    }

    private static ExportSpec read(String name, Map<?, ?> map, String defaultMount, boolean persisted) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey()).replace('-', '_').toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                errors.add(new FieldError(String.valueOf(e.getKey()), "is not a known field"));
            } else {
                m.put(key, e.getValue());
            }
        }
        Object declaredName = m.get("name");
        if (declaredName != null && !String.valueOf(declaredName).equals(name)) {
            errors.add(new FieldError("name", "does not match the export's name '" + name + "'"));
        }
        Source source = null;
        Object rawSource = m.get("source");
        if (rawSource == null) {
            errors.add(new FieldError("source", "is required: one of issue, issuer, certificate, sign"));
        } else {
            source = Source.parse(String.valueOf(rawSource)).orElse(null);
            if (source == null) {
                errors.add(new FieldError("source", "must be one of issue, issuer, certificate, sign"));
            }
        }
        ExportSpec.Builder b = ExportSpec.builder(name, source);
        String mount = string(m, "mount", errors);
        b.mount(mount == null ? defaultMount : mount);
        b.role(string(m, "role", errors));
        b.issuerRef(string(m, "issuer_ref", errors));
        b.serial(string(m, "serial", errors));
        b.commonName(string(m, "common_name", errors));
        b.altNames(strings(m, "alt_names", errors));
        b.ipSans(strings(m, "ip_sans", errors));
        b.uriSans(strings(m, "uri_sans", errors));
        b.ttl(duration(m, "ttl", errors));
        b.keyType(lower(string(m, "key_type", errors)));
        b.keyBits(integer(m, "key_bits", errors));
        b.csr(string(m, "csr", errors));
        b.formats(formats(m, errors));
        b.naming(naming(m, errors));
        b.renewBefore(duration(m, "renew_before", errors));
        b.revokePrevious(bool(m, "revoke_previous", errors));
        Object rawHook = m.get("hook");
        if (persisted && rawHook instanceof Map<?, ?>) {
            b.legacyInlineHook(true);
        } else {
            b.hook(hook(rawHook, errors));
        }
        b.renewWindow(RenewWindowField.read(string(m, "renew_window", errors), errors));
        b.renewWindowFloor(duration(m, "renew_window_floor", errors));
        if (!errors.isEmpty() || source == null) {
            throw new SpecFormatException(errors);
        }
        return b.build();
    }

    private static Set<Format> formats(Map<String, Object> m, List<FieldError> errors) {
        List<String> values = strings(m, "formats", errors);
        if (values.isEmpty()) {
            return Format.DEFAULTS;
        }
        Set<Format> out = EnumSet.noneOf(Format.class);
        for (int i = 0; i < values.size(); i++) {
            int index = i;
            Format.parse(values.get(i)).ifPresentOrElse(out::add, () -> errors.add(new FieldError("formats[" + index + "]",
                    "must be one of pem, fullchain, der, pkcs12, combined")));
        }
        return out;
    }

    private static NamingProfile naming(Map<String, Object> m, List<FieldError> errors) {
        String v = string(m, "naming", errors);
        if (v == null) {
            return NamingProfile.DEFAULT;
        }
        return NamingProfile.parse(v).orElseGet(() -> {
            errors.add(new FieldError("naming", "must be one of default, kubernetes, certbot"));
            return NamingProfile.DEFAULT;
        });
    }

    private static String hook(Object raw, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String name) {
            return name.isBlank() ? null : name.trim();
        }
        if (raw instanceof Map<?, ?> inline && inline.containsKey("command")) {
            errors.add(new FieldError("hook.command", "is not accepted here: commands are defined only under"
                    + " exporter.hooks.<name>.command; set hook to that name"));
        } else {
            errors.add(new FieldError("hook", "must be the name of a hook defined under exporter.hooks"));
        }
        return null;
    }

    private static void putIfSet(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static String lower(String v) {
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    private static String string(Map<String, Object> m, String key, List<FieldError> errors) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        errors.add(new FieldError(key, "must be a string"));
        return null;
    }

    private static List<String> strings(Map<String, Object> m, String key, List<FieldError> errors) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            // configuration may give a list as one comma-separated value (environment variables)
            List<String> out = new ArrayList<>();
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item instanceof String || item instanceof Number) {
                    out.add(String.valueOf(item));
                } else {
                    errors.add(new FieldError(key + "[" + i + "]", "must be a string"));
                }
            }
            return out;
        }
        errors.add(new FieldError(key, "must be a list of strings"));
        return List.of();
    }

    private static Duration duration(Map<String, Object> m, String key, List<FieldError> errors) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Duration d) {
            return d;
        }
        if (v instanceof Number n && n.longValue() == n.doubleValue()) {
            return Duration.ofSeconds(n.longValue());
        }
        if (v instanceof String s) {
            return GoDurations.parse(s).orElseGet(() -> {
                errors.add(new FieldError(key, "must be a duration such as 72h, 30m or 3600 (seconds)"));
                return null;
            });
        }
        errors.add(new FieldError(key, "must be a duration such as 72h, 30m or 3600 (seconds)"));
        return null;
    }

    /** {@code true}/{@code false}, also as text (configuration and environment variables give strings). */
    private static boolean bool(Map<String, Object> m, String key, List<FieldError> errors) {
        Object v = m.get(key);
        if (v == null || Boolean.FALSE.equals(v) || "false".equalsIgnoreCase(String.valueOf(v).trim())) {
            return false;
        }
        if (Boolean.TRUE.equals(v) || v instanceof String s && s.trim().equalsIgnoreCase("true")) {
            return true;
        }
        errors.add(new FieldError(key, "must be true or false"));
        return false;
    }

    private static int integer(Map<String, Object> m, String key, List<FieldError> errors) {
        Object v = m.get(key);
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        if (v instanceof String s && s.matches("\\d{1,6}")) {
            return Integer.parseInt(s);
        }
        errors.add(new FieldError(key, "must be an integer"));
        return 0;
    }
}
