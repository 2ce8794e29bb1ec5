package io.vaultpki.emulator.pki;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.emulator.spi.EmulatorRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request fields of {@code issue/:role} and {@code sign/:role}
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#generate-certificate-and-key): list fields given as a
 * comma-separated string or a JSON array, defaults for empty text, and the warning Vault's framework adds for
 * fields it does not know.
 */
final class IssueFields {

    private static final Set<String> KNOWN = Set.of("common_name", "alt_names", "ip_sans", "uri_sans", "other_sans",
            "ttl", "not_after", "format", "private_key_format", "exclude_cn_from_sans", "remove_roots_from_chain",
            "user_ids", "serial_number", "key_type", "key_bits", "csr", "issuer_ref", "role");

    private IssueFields() {
    }

    /** A comma-separated string or a JSON array, trimmed, blanks dropped. */
    static List<String> list(EmulatorRequest request, String field) {
        JsonNode node = request.body() == null ? null : request.body().get(field);
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else {
            String text = request.param(field);
            if (text != null) {
                values.addAll(Arrays.asList(text.split(",")));
            }
        }
        return new ArrayList<>(values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /**
     * {@code Endpoint ignored these unrecognized parameters: [a b]}, as Vault's {@code framework.Backend} warns
     * (https://github.com/hashicorp/vault/blob/main/sdk/framework/backend.go, {@code HandleRequest}).
     */
    static List<String> ignoredParameters(EmulatorRequest request) {
        var ignored = new TreeSet<String>();
        if (request.body() != null) {
            request.body().fieldNames().forEachRemaining(f -> {
                if (!KNOWN.contains(f)) {
                    ignored.add(f);
                }
            });
        }
        return ignored.isEmpty() ? List.of()
                : List.of("Endpoint ignored these unrecognized parameters: [" + String.join(" ", ignored) + "]");
    }

    static String orDefault(String value, String defaultValue) {
        return value == null || value.isEmpty() ? defaultValue : value;
    }
}
