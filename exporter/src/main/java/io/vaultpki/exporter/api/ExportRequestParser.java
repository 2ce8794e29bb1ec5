package io.vaultpki.exporter.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.client.GoDurations;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.FieldError;
import io.vaultpki.exporter.spec.Format;
import io.vaultpki.exporter.spec.NamingProfile;
import io.vaultpki.exporter.spec.RenewWindowField;
import io.vaultpki.exporter.spec.Source;
import io.vaultpki.exporter.window.RenewWindow;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a create or update body to an {@link ExportSpec}, strictly: unknown fields, wrong JSON types, oversized
 * strings and arrays are all reported at once as field errors (400), before the spec validator sees the result.
 * Durations are Go-style strings ({@code "72h"}, {@code "30m"}), as in Vault.
 *
 * <p>A body never carries a command. {@code hook} is only the name of a hook the operator configured
 * ({@code exporter.hooks.<name>}); a {@code command} key anywhere in the body — in {@code hook}, at the top level or
 * nested deeper — is refused with its path, so an attempt to smuggle one is named as such rather than as a mere
 * unknown field.
 */
final class ExportRequestParser {

    static final int MAX_STRING = 1024;
    static final int MAX_CSR = 32 * 1024;
    static final int MAX_ITEMS = 100;
    private static final Set<String> FIELDS = Set.of("name", "source", "mount", "role", "issuer_ref", "serial",
            "common_name", "alt_names", "ip_sans", "uri_sans", "ttl", "key_type", "key_bits", "csr", "formats",
            "naming", "renew_before", "hook", "revoke_previous", "renew_window", "renew_window_floor");
    private static final String NO_COMMANDS = "is not accepted: hook commands are defined only in the exporter's"
            + " configuration (exporter.hooks.<name>.command); name a configured hook instead, e.g. \"hook\": \"reload\"";

    private final List<FieldError> errors = new ArrayList<>();
    private final JsonNode root;

    private ExportRequestParser(JsonNode root) {
        this.root = root;
    }

    /**
     * The spec of {@code body}.
     *
     * @param pathName the name from the URL for an update ({@code null} for create); the body may repeat it
     * @throws BadRequestException with every field error
     */
    static ExportSpec parse(byte[] body, String pathName) {
        if (body == null || body.length == 0) {
            throw new BadRequestException("body", "a JSON object is required");
        }
        JsonNode root;
        try {
            root = ApiJson.read(body);
        } catch (IOException e) {
            throw new BadRequestException("body", "is not valid JSON");
        }
        if (!root.isObject()) {
            throw new BadRequestException("body", "must be a JSON object");
        }
        return new ExportRequestParser(root).spec(pathName);
    }

    private ExportSpec spec(String pathName) {
        Set<String> commands = new java.util.LinkedHashSet<>();
        findCommands(root, "", commands);
        commands.forEach(path -> errors.add(new FieldError(path, NO_COMMANDS)));
        unknown(root, FIELDS, "", commands);
        String name = string("name", MAX_STRING);
        if (pathName != null) {
            if (name != null && !name.equals(pathName)) {
                errors.add(new FieldError("name", "must match the name in the URL, or be left out"));
            }
            name = pathName;
        } else if (name == null) {
            errors.add(new FieldError("name", "is required"));
        }
        String sourceText = string("source", MAX_STRING);
        Source source = null;
        if (sourceText == null) {
            errors.add(new FieldError("source", "is required: one of issue, issuer, certificate, sign"));
        } else {
            source = Source.parse(sourceText).orElse(null);
            if (source == null) {
                errors.add(new FieldError("source", "must be one of issue, issuer, certificate, sign"));
            }
        }
        ExportSpec.Builder b = ExportSpec.builder(name, source)
                .mount(string("mount", MAX_STRING))
                .role(string("role", MAX_STRING))
                .issuerRef(string("issuer_ref", MAX_STRING))
                .serial(string("serial", MAX_STRING))
                .commonName(string("common_name", MAX_STRING))
                .altNames(strings("alt_names"))
                .ipSans(strings("ip_sans"))
                .uriSans(strings("uri_sans"))
                .ttl(duration("ttl", root.get("ttl")))
                .keyType(string("key_type", MAX_STRING))
                .keyBits(keyBits())
                .csr(string("csr", MAX_CSR))
                .formats(formats())
                .naming(naming())
                .renewBefore(duration("renew_before", root.get("renew_before")))
                .hook(hook())
                .revokePrevious(JsonBooleans.read(root, "revoke_previous", errors))
                .renewWindow(RenewWindowField.read(string("renew_window", RenewWindow.MAX_LENGTH), errors))
                .renewWindowFloor(duration("renew_window_floor", root.get("renew_window_floor")));
        if (!errors.isEmpty()) {
            throw new BadRequestException("the request body is invalid", errors);
        }
        return b.build();
    }

    /** Every path at which an object has a key that reads as "command", at any depth, in document order. */
    private static void findCommands(JsonNode node, String path, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = (path.isEmpty() ? "" : path + ".") + safe(field.getKey());
                if (isCommandKey(field.getKey())) {
                    out.add(child);
                }
                findCommands(field.getValue(), child, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findCommands(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** {@code command}, also as {@code Command}, {@code COMMAND} or with stray separators ({@code _command}). */
    private static boolean isCommandKey(String key) {
        return key.replaceAll("[^A-Za-z]", "").equalsIgnoreCase("command");
    }

    private static String safe(String field) {
        // the name is quoted back only in a safe, shortened form
        return VaultErrors.text(field.length() > 64 ? field.substring(0, 64) : field);
    }

    private void unknown(JsonNode node, Set<String> known, String prefix, Set<String> reported) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field) && !reported.contains(prefix + safe(field))) {
                errors.add(new FieldError(prefix + safe(field), "is not a known field"));
            }
        }
    }

    private String string(String field, int max) {
        return text(field, root.get(field), max);
    }

    private String text(String field, JsonNode node, int max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        if (node.textValue().length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        if (hasControlCharacter(node.textValue(), field.equals("csr"))) {
            // trimmed away further on, a NUL or line break would silently change what is asked for
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return node.textValue();
    }

    private static boolean hasControlCharacter(String value, boolean pem) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(pem && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
        }
        return false;
    }

    private List<String> strings(String field) {
        return stringArray(field, root.get(field));
    }

    private List<String> stringArray(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError(field, "must be an array of strings"));
            return List.of();
        }
        if (node.size() > MAX_ITEMS) {
            errors.add(new FieldError(field, "must have at most " + MAX_ITEMS + " entries"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String v = text(field + "[" + i + "]", node.get(i), MAX_STRING);
            if (v == null && !node.get(i).isNull()) {
                continue;
            }
            if (v == null) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a string"));
                continue;
            }
            out.add(v);
        }
        return out;
    }

    private Duration duration(String field, JsonNode node) {
        String v = text(field, node, 64);
        if (v == null) {
            return null;
        }
        Duration d = GoDurations.parse(v).orElse(null);
        if (d == null) {
            errors.add(new FieldError(field, "must be a duration such as \"72h\", \"30m\" or \"90s\""));
        }
        return d;
    }

    private int keyBits() {
        JsonNode node = root.get("key_bits");
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0 || node.intValue() > 16384) {
            errors.add(new FieldError("key_bits", "must be an integer between 0 and 16384"));
            return 0;
        }
        return node.intValue();
    }

    private Set<Format> formats() {
        List<String> names = strings("formats");
        Set<Format> out = EnumSet.noneOf(Format.class);
        for (int i = 0; i < names.size(); i++) {
            Format f = Format.parse(names.get(i)).orElse(null);
            if (f == null) {
                errors.add(new FieldError("formats[" + i + "]", "must be one of pem, fullchain, der, pkcs12, combined"));
            } else {
                out.add(f);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private NamingProfile naming() {
        String v = string("naming", MAX_STRING);
        if (v == null) {
            return null;
        }
        NamingProfile p = NamingProfile.parse(v).orElse(null);
        if (p == null) {
            errors.add(new FieldError("naming", "must be one of default, kubernetes, certbot"));
        }
        return p;
    }

    /** The name of a configured hook, or {@code null}; an object (an inline command of old) is refused. */
    private String hook() {
        JsonNode node = root.get("hook");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject() || node.isArray()) {
            Set<String> inside = new java.util.HashSet<>();
            findCommands(node, "hook", inside);
            if (inside.isEmpty()) {
                errors.add(new FieldError("hook", "must be the name of a hook configured by the operator"
                        + " (exporter.hooks.<name>), e.g. \"hook\": \"reload\"; commands cannot be sent"));
            }
            return null;
        }
        return text("hook", node, 64);
    }
}
