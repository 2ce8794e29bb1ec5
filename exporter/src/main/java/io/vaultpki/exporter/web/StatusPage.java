package io.vaultpki.exporter.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.vaultpki.support.web.InlineSources;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The status page: one static HTML document with its style and script inline, assembled once from three class-path
 * resources. It holds no export data (the script fetches everything from the API with the user's token), so it is
 * the same for every caller. Its Content-Security-Policy allows exactly that style and script (by SHA-256 hash) and
 * requests to this origin only.
 */
@Singleton
public class StatusPage {

    static final String STYLE_MARK = "/*STYLE*/";
    static final String SCRIPT_MARK = "/*SCRIPT*/";

    private final String html;
    private final String policy;

    public StatusPage() {
        String style = resource("status-page.css");
        String script = resource("status-page.js");
        this.html = resource("status-page.html").replace(STYLE_MARK, style).replace(SCRIPT_MARK, script);
        this.policy = "default-src 'none'; script-src " + InlineSources.sha256(script) + "; style-src " + InlineSources.sha256(style) + "; "
                + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** The page, with headers that keep it out of caches, frames and content sniffing. */
    public MutableHttpResponse<String> response() {
        return HttpResponse.ok(html)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Content-Security-Policy", policy)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY");
    }

    String html() {
        return html;
    }

    String policy() {
        return policy;
    }

    private static String resource(String name) {
        try (InputStream in = StatusPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
