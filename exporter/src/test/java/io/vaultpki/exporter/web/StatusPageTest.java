package io.vaultpki.exporter.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.exporter.api.ApiTestTokens;
import io.vaultpki.exporter.api.InMemoryExports;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import io.vaultpki.support.web.InlineSources;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page over real HTTP: a static document with a strict CSP, no caching, no export data, no token, no key
 * material, no link to a file, and a script that talks to this origin only and never inserts HTML.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPageTest implements TestPropertyProvider {

    private static final String HOSTILE_CN = "<img src=x onerror=alert(1)>.example.com";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    InMemoryExports exports;

    @Override
    public Map<String, String> getProperties() {
        Path dir;
        try {
            dir = Files.createTempDirectory("ui-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> p = new HashMap<>();
        ApiTestTokens.properties().forEach((k, v) -> p.put(k, v.toString()));
        p.put(InMemoryExports.PROPERTY, "true");
        p.put("exporter.path", dir.toString());
        p.put("exporter.audit.path", dir.resolve("audit.log").toString());
        return p;
    }

    @BeforeEach
    void seed() {
        exports.reset();
        exports.put(ExportSpec.builder("web-frontend", Source.ISSUE).mount("pki_int").role("web")
                .commonName("secret-web.example.com").build());
        exports.put(ExportSpec.builder("db", Source.ISSUE).mount("pki_int").role("web").commonName(HOSTILE_CN).build());
    }

    private HttpResponse<String> page() {
        return http.toBlocking().exchange(HttpRequest.GET("/").accept(MediaType.TEXT_HTML_TYPE), String.class);
    }

    @Test
    void rootAnswers200HtmlWithAStrictContentSecurityPolicyAndNoStore() {
        HttpResponse<String> r = page();

        assertThat(r.getStatus().getCode()).isEqualTo(200);
        assertThat(r.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).startsWith("text/html"));
        assertThat(r.getHeaders().get(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(r.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
        String csp = r.getHeaders().get("Content-Security-Policy");
        assertThat(csp).startsWith("default-src 'none';").contains("connect-src 'self'", "frame-ancestors 'none'",
                "base-uri 'none'", "form-action 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*", "data:");
    }

    @Test
    void theCspAllowsExactlyTheInlineScriptAndStyleByHash() {
        HttpResponse<String> r = page();
        String html = r.body();
        String csp = r.getHeaders().get("Content-Security-Policy");

        List<String> scripts = inner(html, "script");
        List<String> styles = inner(html, "style");
        assertThat(scripts).hasSize(1);
        assertThat(styles).hasSize(1);
        assertThat(csp).contains("script-src " + InlineSources.sha256(scripts.get(0)) + ";")
                .contains("style-src " + InlineSources.sha256(styles.get(0)) + ";");
    }

    @Test
    void thePageHoldsNoExportDataNoTokenAndNoKeyMaterial() {
        String html = page().body();

        assertThat(html).doesNotContain("web-frontend", "secret-web", "onerror", "pki_int", "3c:9f:01:aa",
                "/exported-certs");
        assertThat(html).doesNotContain(ApiTestTokens.READER, ApiTestTokens.WRITER, ApiTestTokens.KEYS,
                ApiTestTokens.sha256(ApiTestTokens.READER), "reader", "deployer");
        assertThat(html).doesNotContain("PRIVATE KEY", "TEST-KEY-MATERIAL");
    }

    @Test
    void thePageOffersNoFileAndNoKeyDownload() {
        String html = page().body();

        assertThat(html).doesNotContain("/files", "key.pem", "bundle.p12", "download", "<a ");
    }

    @Test
    void theScriptReferencesOnlySameOriginPaths() {
        String html = page().body();

        assertThat(Pattern.compile("(?i)\\b(?:https?|wss?|ftp):").matcher(html).find())
                .as("no absolute URL anywhere in the page").isFalse();
        assertThat(html).doesNotContain("//cdn", "\"//", "'//", "@import", "url(");
        Matcher src = Pattern.compile("(?i)<[^>]+\\s(?:src|href|action)\\s*=").matcher(html);
        assertThat(src.find()).as("no element loads or links anything").isFalse();
        Matcher fetches = Pattern.compile("fetch\\(([^,)]+)").matcher(html);
        assertThat(fetches.find()).isTrue();
        assertThat(fetches.group(1)).isEqualTo("API + path");
        assertThat(html).contains("var API = '/api/v1';");
    }

    @Test
    void theScriptNeverInsertsHtmlOrEvaluatesText() {
        String script = inner(page().body(), "script").get(0);

        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                "eval(", "new Function", "setTimeout('", "srcdoc", "createContextualFragment");
        assertThat(script).contains("textContent", "sessionStorage", "'Authorization': 'Bearer '");
        assertThat(script).doesNotContain("localStorage", "document.cookie");
    }

    @Test
    void thePageHasStableIdsAndLabelsForABrowserTest() {
        String html = page().body();

        for (String id : List.of("token-form", "token-input", "token-submit", "token-forget", "refresh", "message",
                "vault", "vault-state", "exports", "exports-table", "exports-body", "exports-count", "audit",
                "audit-export", "audit-body")) {
            assertThat(html).contains("id=\"" + id + "\"");
        }
        assertThat(html).contains("<label for=\"token-input\">", "type=\"password\"", "<html lang=\"en\">",
                "role=\"status\"");
        // without data the sections are hidden: only the form shows
        assertThat(html).contains("id=\"exports\" aria-labelledby=\"exports-title\" hidden",
                "id=\"vault\" aria-labelledby=\"vault-title\" hidden", "id=\"audit\" aria-labelledby=\"audit-title\" hidden");
    }

    @Test
    void aClientAskingForJsonStillGetsTheRootDocument() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/").accept(MediaType.APPLICATION_JSON_TYPE),
                String.class);

        assertThat(r.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).startsWith("application/json"));
        assertThat(r.body()).contains("\"name\":\"vault-pki-exporter\"", "\"status\":\"/api/v1/status\"")
                .doesNotContain("web-frontend");
    }

    @Test
    void theFaviconIsAnEmptyAnswerNotA404InTheBrowsersConsole() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/favicon.ico"), String.class);

        assertThat(r.getStatus().getCode()).isEqualTo(204);
    }

    @Test
    void aBrowsersAcceptHeaderGetsThePage() {
        assertThat(RootController.wantsJson("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isFalse();
        assertThat(RootController.wantsJson(null)).isFalse();
        assertThat(RootController.wantsJson("*/*")).isFalse();
        assertThat(RootController.wantsJson("application/json")).isTrue();
    }

    private static List<String> inner(String html, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
