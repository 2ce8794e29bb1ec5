package io.vaultpki.exporter.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.exporter.ExporterDemoAccess;
import io.vaultpki.testkit.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the exporter's status page in the demo state, as {@code --demo} starts it (embedded emulator, exports
 * "web" and "root-ca", the API token from the demo directory), in headless Chromium: the exports with their states
 * in words, Vault reachable, no console errors, no horizontal overflow at phone width, dark in dark mode, and the
 * README's screenshot. Skipped where Chromium is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoStatusPageBrowserTest {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    private final List<AutoCloseable> closeAtEnd = new ArrayList<>();
    private HeadlessChromium chromium;
    private ApplicationContext context;
    private EmbeddedServer server;
    private String token;
    private int consoleBefore;

    @BeforeAll
    void start() throws Exception {
        chromium = HeadlessChromium.start(WIDTH, HEIGHT); // skips the class first when Chromium is absent
        Map<String, Object> p = new HashMap<>(ExporterDemoAccess.properties(closeAtEnd::add));
        p.put("micronaut.server.port", -1);
        context = ApplicationContext.builder().properties(p).start();
        server = context.getBean(EmbeddedServer.class);
        if (!server.isRunning()) {
            server.start();
        }
        token = Files.readString(ExporterDemoAccess.tokenFile(p)).trim();
    }

    @AfterAll
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (context != null) {
            context.close();
        }
        List<AutoCloseable> reversed = new ArrayList<>(closeAtEnd);
        Collections.reverse(reversed);
        for (AutoCloseable c : reversed) {
            c.close();
        }
    }

    @BeforeEach
    void signedIn() {
        chromium.viewport(WIDTH, HEIGHT);
        chromium.driver().get(server.getURI().resolve("/").toString());
        chromium.driver().executeScript("sessionStorage.clear(); localStorage.clear();");
        chromium.driver().navigate().refresh();
        chromium.waiting(Duration.ofSeconds(10)).until(d -> "idle".equals(message().getAttribute("data-state")));
        consoleBefore = chromium.console().size();
        byId("token-input").sendKeys(token);
        byId("token-submit").click();
        // the demo issues its certificates at start-up: reload (the token stays in sessionStorage) until both
        // exports are listed and Vault has been contacted
        chromium.waiting(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500)).until(d -> {
            if ("done".equals(message().getAttribute("data-state")) && rows().size() == 2
                    && "up".equals(byId("vault-state").getAttribute("data-state"))
                    && rows().stream().allMatch(r -> "ok".equals(r.getAttribute("data-state")))) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    private WebElement byId(String id) {
        return chromium.driver().findElement(By.id(id));
    }

    private WebElement message() {
        return byId("message");
    }

    private List<WebElement> rows() {
        return chromium.driver().findElements(By.cssSelector("#exports-body tr[data-export]"));
    }

    private List<String> consoleErrors() {
        List<LogEntry> all = chromium.console();
        return all.subList(Math.min(consoleBefore, all.size()), all.size()).stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Test
    void theDemosExportsAreListedWithTheirStatesInWordsAndVaultReachable() {
        assertThat(rows().stream().map(r -> r.getAttribute("data-export")).toList())
                .containsExactlyInAnyOrder("web", "root-ca");
        for (WebElement row : rows()) {
            assertThat(row.getText()).contains(row.getAttribute("data-state"));
        }
        assertThat(byId("vault-state").getText()).isEqualTo("reachable");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void atPhoneWidthThePageDoesNotOverflowHorizontally() {
        chromium.viewport(390, 844);
        Number overflow = (Number) chromium.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
    }

    @Test
    void at1280PixelsEveryColumnOfTheExportsTableIsVisibleWithoutScrolling() {
        Number hidden = (Number) chromium.driver().executeScript(
                "var s = document.querySelector('#exports .scroll'); return s.scrollWidth - s.clientWidth;");
        assertThat(hidden.intValue()).isLessThanOrEqualTo(0);
    }

    @Test
    void inDarkModeTheBackgroundIsDark() {
        try {
            chromium.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            String rgb = (String) chromium.driver().executeScript(
                    "return getComputedStyle(document.body).backgroundColor;");
            int[] c = java.util.Arrays.stream(rgb.replaceAll("[^0-9,]", "").split(","))
                    .limit(3).mapToInt(Integer::parseInt).toArray();
            assertThat((c[0] + c[1] + c[2]) / 3).as(rgb).isLessThan(64);
        } finally {
            chromium.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    /**
     * The README's picture, exactly 1280×800, in the demo state: written to {@code target/screenshots/} on every
     * run, and over {@code docs/images/exporter-status-page.png} only with {@code -Dvault-pki.update-screenshots=true}.
     */
    @Test
    void writesTheScreenshotOfTheDemoForTheReadme() throws Exception {
        Path file = Boolean.getBoolean("vault-pki.update-screenshots")
                ? StatusPageBrowserTest.repositoryRoot().resolve("docs/images/exporter-status-page.png")
                : Path.of("target", "screenshots", "exporter-status-page.png").toAbsolutePath();
        Files.createDirectories(file.getParent());

        chromium.screenshot(file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(consoleErrors()).isEmpty();
    }
}
