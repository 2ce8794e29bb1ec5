package io.vaultpki.client.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Formats error messages as {@code Status 403 Forbidden [GET pki/issuers]: permission denied} and removes
 * go-multierror wrapping ({@code "1 error occurred:\n\t* permission denied\n\n"},
 * docs/vault-compatibility.md#client-responses-and-errors).
 */
public final class ErrorMessages {

    private static final Pattern MULTI_HEADER = Pattern.compile("^\\d+ errors? occurred:\\s*", Pattern.DOTALL);

    private ErrorMessages() {
    }

    /** Splits multierror-wrapped strings into their items; plain strings pass unchanged. */
    public static List<String> unwrap(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String s : raw) {
            if (s == null) {
                continue;
            }
            var m = MULTI_HEADER.matcher(s);
            if (m.find()) {
                for (String item : s.substring(m.end()).split("\n")) {
                    String t = item.strip();
                    if (t.startsWith("* ")) {
                        out.add(t.substring(2).strip());
                    } else if (!t.isEmpty()) {
                        out.add(t);
                    }
                }
            } else {
                out.add(s.strip());
            }
        }
        return out;
    }

    public static String format(String method, String path, int status, List<String> errors) {
        String detail = errors.isEmpty() ? "(no error message)" : String.join("; ", errors);
        return "Status " + status + " " + reason(status) + " [" + method + " " + path + "]: " + detail;
    }

    public static String reason(int status) {
        return switch (status) {
            case 307 -> "Temporary Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 412 -> "Precondition Failed";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
