package io.vaultpki.exporter.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.exporter.api.ApiTestTokens;
import io.vaultpki.exporter.api.InMemoryExports;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import io.vaultpki.exporter.window.RenewWindow;
import io.vaultpki.testkit.browser.HeadlessChromium;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the exporter's status page in a real (headless) browser, 1280×800: only the token form without a token,
 * a refused token lists nothing, a read token lists the exports soonest expiry first and lives in sessionStorage only,
 * "Forget token" clears it, and an export's audit events show on request (the README's screenshot is
 * {@link DemoStatusPageBrowserTest}'s, in the demo state). Skipped where Chromium is not installed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPageBrowserTest implements TestPropertyProvider {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    /** The exports by expiry, soonest first: issued 80 h (expired), 50 h (renewal overdue) and 1 h ago (72 h certificates). */
    static final List<String> BY_EXPIRY = List.of("legacy-api", "db-proxy", "web-frontend");

    private static HeadlessChromium chromium;
    /** Console entries before the current test: the helper keeps every entry since the browser started. */
    private static int consoleBefore;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    InMemoryExports exports;

    @Override
    public Map<String, String> getProperties() {
        Path dir;
        try {
            dir = Files.createTempDirectory("ui-browser-test");
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

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.start(WIDTH, HEIGHT); // skips the class first when Chromium is absent
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        exports.reset();
        ExportSpec web = ExportSpec.builder("web-frontend", Source.ISSUE).mount("pki_int").role("web")
                .commonName("web.example.com").build();
        exports.put(web);
        // one audited mutation, so the Events button has something to show (the in-memory renew re-issues at a
        // fixed date: the put below sets the picture's time again)
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/certificates/web-frontend/renew", "")
                .bearerAuth(ApiTestTokens.WRITER), String.class);
        exports.put(web, hour.minus(Duration.ofHours(1)));
        exports.put(ExportSpec.builder("db-proxy", Source.ISSUE).mount("pki_int").role("web")
                .commonName("db.example.com").renewWindow(RenewWindow.parse("Mon-Fri 02:00-04:00 Europe/Berlin"))
                .build(), hour.minus(Duration.ofHours(50)));
        exports.put(ExportSpec.builder("legacy-api", Source.ISSUE).mount("pki_int").role("web")
                .commonName("legacy.example.com").build(), hour.minus(Duration.ofHours(80)));
        exports.put(web.toBuilder().revokePrevious(true).build(), hour.minus(Duration.ofHours(1)));
        exports.putRevocations("web-frontend", new io.vaultpki.exporter.files.RevocationRecord(List.of(
                new io.vaultpki.exporter.files.PendingRevocation("aa:bb", "pki_int", hour.plus(Duration.ofDays(1)),
                        hour, hour.plus(Duration.ofMinutes(2)), 0, hour.plus(Duration.ofMinutes(2)), null)),
                new io.vaultpki.exporter.files.RevocationRecord.Last("cc:dd", "already_revoked",
                        hour.minus(Duration.ofHours(2)), null)));
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void freshTab() {
        chromium.driver().get(server.getURI().resolve("/").toString());
        chromium.driver().executeScript("sessionStorage.clear(); localStorage.clear();");
        chromium.driver().manage().deleteAllCookies();
        chromium.driver().navigate().refresh();
        chromium.waiting(Duration.ofSeconds(10)).until(d -> "idle".equals(message().getAttribute("data-state")));
        consoleBefore = chromium.console().size();
    }

    private static WebElement byId(String id) {
        return chromium.driver().findElement(By.id(id));
    }

    private static WebElement message() {
        return byId("message");
    }

    private static List<WebElement> rows() {
        return chromium.driver().findElements(By.cssSelector("#exports-body tr[data-export]"));
    }

    private static void enterToken(String token) {
        byId("token-input").sendKeys(token);
        byId("token-submit").click();
        chromium.waiting(Duration.ofSeconds(10)).until(d -> {
            String state = message().getAttribute("data-state");
            return "done".equals(state) || "error".equals(state);
        });
    }

    private static Object js(String script) {
        return chromium.driver().executeScript(script);
    }

    /** Console errors (SEVERE) logged during the current test. */
    private static List<String> consoleErrors() {
        List<LogEntry> all = chromium.console();
        return all.subList(consoleBefore, all.size()).stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Console errors other than the browser's own line for a refused (401/403) API call. */
    private static List<String> unexpectedConsoleErrors() {
        return consoleErrors().stream()
                .filter(e -> !(e.contains("/api/v1/") && (e.contains("401") || e.contains("403"))))
                .toList();
    }

    @Test
    void withoutATokenOnlyTheTokenFormShowsAndNoExportData() {
        assertThat(byId("token-form").isDisplayed()).isTrue();
        assertThat(byId("exports").isDisplayed()).isFalse();
        assertThat(byId("vault").isDisplayed()).isFalse();
        assertThat(byId("audit").isDisplayed()).isFalse();
        assertThat(rows()).isEmpty();
        assertThat(chromium.driver().getPageSource()).doesNotContain("web-frontend", "db-proxy", "legacy-api");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void aTokenWithoutReadIsRefusedWithAMessageAndNothingListed() {
        enterToken(ApiTestTokens.WRITE_ONLY);

        assertThat(message().getAttribute("data-state")).isEqualTo("error");
        assertThat(message().getText()).contains("403");
        assertThat(rows()).isEmpty();
        assertThat(byId("exports").isDisplayed()).isFalse();
        assertThat(unexpectedConsoleErrors()).isEmpty();
    }

    @Test
    void anUnknownTokenIsRefusedAndForgotten() {
        enterToken("no-such-token-0123456789abcdef");

        assertThat(message().getText()).contains("401");
        assertThat(rows()).isEmpty();
        assertThat(js("return sessionStorage.length;")).isEqualTo(0L);
        assertThat(unexpectedConsoleErrors()).isEmpty();
    }

    @Test
    void aReadTokenListsTheExportsSoonestExpiryFirstWithStatesInWords() {
        enterToken(ApiTestTokens.READER);

        assertThat(rows().stream().map(r -> r.getAttribute("data-export")).toList()).containsExactlyElementsOf(BY_EXPIRY);
        for (WebElement row : rows()) {
            assertThat(row.getText()).contains(row.getAttribute("data-state"));
            assertThat(row.findElement(By.cssSelector("td[data-field=name]")).getText())
                    .contains(row.getAttribute("data-export"));
        }
        assertThat(byId("exports-count").getAttribute("data-count")).isEqualTo("3");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void theTokenLivesInSessionStorageOnlyAndForgetTokenClearsIt() {
        enterToken(ApiTestTokens.READER);

        assertThat((String) js("return JSON.stringify(Object.values(sessionStorage));")).contains(ApiTestTokens.READER);
        assertThat(js("return localStorage.length;")).isEqualTo(0L);
        assertThat((String) js("return document.cookie;")).isEmpty();
        assertThat(chromium.driver().manage().getCookies()).isEmpty();
        assertThat(chromium.driver().getCurrentUrl()).doesNotContain(ApiTestTokens.READER);

        byId("token-forget").click();

        assertThat(js("return sessionStorage.length;")).isEqualTo(0L);
        assertThat(rows()).isEmpty();
        assertThat(message().getAttribute("data-state")).isEqualTo("idle");
    }

    @Test
    void theEventsButtonShowsTheExportsAuditEvents() {
        enterToken(ApiTestTokens.READER);

        chromium.driver().findElement(By.cssSelector("button[data-action=audit][data-export=web-frontend]")).click();

        chromium.waiting(Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.cssSelector("#audit-body tr[data-event]")).isEmpty());
        assertThat(byId("audit").isDisplayed()).isTrue();
        assertThat(byId("audit-export").getText()).contains("web-frontend");
        assertThat(consoleErrors()).isEmpty();
    }

    /** The directory holding {@code mvnw} and {@code docs/}: the module's parent when Maven runs the test. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root above %s", Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    @Test
    void eachExportSaysWhetherItRevokesThePreviousCertificateAndWhatIsPending() {
        enterToken(ApiTestTokens.READER);

        String web = cellOf("web-frontend", "revocation");
        assertThat(web).startsWith("revoke previous: ").contains("1 pending, next ").contains("last already revoked");
        // off and nothing pending: no line at all, the table stays as short as before
        assertThat(chromium.driver().findElements(By.cssSelector(
                "#exports-body tr[data-export='db-proxy'] [data-field=revocation]"))).isEmpty();
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void anExportWithARenewWindowShowsItUnderItsRenewal() {
        enterToken(ApiTestTokens.READER);

        assertThat(cellOf("db-proxy", "renew-window")).isEqualTo("window Mon-Fri 02:00-04:00 Europe/Berlin");
        assertThat(chromium.driver().findElements(By.cssSelector(
                "#exports-body tr[data-export='web-frontend'] [data-field=renew-window]"))).isEmpty();
        assertThat(consoleErrors()).isEmpty();
    }

    private static String cellOf(String export, String field) {
        return chromium.driver().findElement(By.cssSelector("#exports-body tr[data-export='" + export + "'] [data-field="
                + field + "]")).getText();
    }
}
