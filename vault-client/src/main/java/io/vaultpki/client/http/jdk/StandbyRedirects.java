package io.vaultpki.client.http.jdk;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Objects;

/**
 * Which 307 redirects the transport follows: a standby node redirects to the active one
 * (https://developer.hashicorp.com/vault/docs/concepts/ha), and the transport follows only when
 * the target keeps the scheme, host and port, so a token is never sent to another address.
 */
final class StandbyRedirects {

    private StandbyRedirects() {
    }

    /** The Location of a 307 when it stays on the same scheme, host and port; else null (the 307 is surfaced). */
    static URI target(URI current, HttpResponse<?> response) {
        String location = response.headers().firstValue("location").orElse(null);
        if (location == null) {
            return null;
        }
        URI target;
        try {
            target = current.resolve(location);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return sameOrigin(current, target) ? target : null;
    }

    /** Where a 307 pointed, as scheme://host:port only (a redirect URL may carry a query worth keeping out of logs). */
    static String describe(URI current, HttpResponse<?> response) {
        String location = response.headers().firstValue("location").orElse(null);
        if (location == null) {
            return "no Location header";
        }
        try {
            URI target = current.resolve(location);
            return target.getScheme() + "://" + target.getRawAuthority()
                    + (sameOrigin(current, target) ? " (too many redirects)" : " (another address)");
        } catch (IllegalArgumentException e) {
            return "invalid Location header";
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
