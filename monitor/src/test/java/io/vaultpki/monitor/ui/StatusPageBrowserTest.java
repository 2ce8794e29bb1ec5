package io.vaultpki.monitor.ui;

import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.testkit.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the status page of the demo in a real (headless) browser: it loads without console errors, its filters
 * and sortable columns work, and it writes the README's screenshot. Skipped where Chromium is not installed.
 */
class StatusPageBrowserTest {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    private static DemoMonitor monitor;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() {
        chromium = HeadlessChromium.start(WIDTH, HEIGHT); // skips the class first when Chromium is absent
        monitor = DemoMonitor.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (monitor != null) {
                monitor.close();
            }
        }
    }

    @BeforeEach
    void load() {
        chromium.driver().get(monitor.uri("/").toString());
        chromium.waiting(Duration.ofSeconds(10)).until(d -> !rows().isEmpty());
    }

    private static List<WebElement> rows() {
        return chromium.driver().findElements(By.cssSelector("#issuer-table tbody tr.issuer"));
    }

    private static List<WebElement> visibleRows() {
        return rows().stream().filter(WebElement::isDisplayed).toList();
    }

    private static List<String> ids(List<WebElement> rows) {
        return rows.stream().map(r -> r.getAttribute("data-issuer-id")).toList();
    }

    @Test
    void thePageLoadsWithNoConsoleErrors() {
        assertThat(chromium.driver().getTitle()).startsWith("vault-pki-monitor: ");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void theDemosIssuersAreListedInTimeLeftOrderWithTheirStatesInWords() {
        assertThat(ids(visibleRows())).containsExactlyElementsOf(monitor.issuerIdsByTimeLeft());
        for (WebElement row : rows()) {
            String state = row.getAttribute("data-state");
            assertThat(row.findElement(By.cssSelector(".badge")).getText()).contains(state);
        }
    }

    @Test
    void theTimelineHasOneVisibleBarPerIssuer() {
        List<WebElement> bars = chromium.driver().findElements(By.cssSelector("#timeline-svg rect.bar"));

        assertThat(bars).hasSize(monitor.issuerIdsByTimeLeft().size()).allMatch(WebElement::isDisplayed);
        assertThat(bars.stream().map(b -> b.getAttribute("data-issuer-id")).toList())
                .containsExactlyElementsOf(monitor.issuerIdsByTimeLeft());
    }

    @Test
    void theEngineFilterShowsOnlyThatEnginesIssuersAndBars() {
        EngineSnapshot engine = monitor.snapshot().engines().stream()
                .max(Comparator.comparingInt(e -> e.issuers().size())).orElseThrow();

        new Select(chromium.driver().findElement(By.id("filter-engine"))).selectByValue(engine.engine());

        assertThat(visibleRows()).hasSize(engine.issuers().size())
                .allMatch(r -> engine.engine().equals(r.getAttribute("data-engine")));
        assertThat(chromium.driver().findElements(By.cssSelector("#timeline-svg g.bar-group")).stream()
                .filter(WebElement::isDisplayed)).hasSize(engine.issuers().size());
        assertThat(chromium.driver().findElement(By.id("issuer-count")).getText())
                .isEqualTo(Integer.toString(engine.issuers().size()));
    }

    @Test
    void theStateFilterShowsOnlyIssuersOfThatState() {
        String state = rows().get(0).getAttribute("data-state");
        long expected = rows().stream().filter(r -> state.equals(r.getAttribute("data-state"))).count();

        new Select(chromium.driver().findElement(By.id("filter-state"))).selectByValue(state);

        assertThat(visibleRows()).hasSize((int) expected).allMatch(r -> state.equals(r.getAttribute("data-state")));
    }

    @Test
    void theTextSearchMatchesAnIssuerIdCaseInsensitively() {
        String id = monitor.issuerIdsByTimeLeft().get(0);

        chromium.driver().findElement(By.id("filter-text")).sendKeys(id.toUpperCase());

        assertThat(ids(visibleRows())).containsExactly(id);
        chromium.driver().findElement(By.id("filter-text")).sendKeys("no such issuer");
        assertThat(visibleRows()).isEmpty();
    }

    @Test
    void clickingAColumnHeaderSortsAndClickingAgainReverses() {
        WebElement engineHeader = chromium.driver().findElement(By.cssSelector("th[data-key=engine] button"));

        engineHeader.click();
        List<String> ascending = visibleRows().stream().map(r -> r.getAttribute("data-engine")).toList();
        assertThat(ascending).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(chromium.driver().findElement(By.cssSelector("th[data-key=engine]")).getAttribute("aria-sort"))
                .isEqualTo("ascending");

        engineHeader.click();
        List<String> descending = visibleRows().stream().map(r -> r.getAttribute("data-engine")).toList();
        assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder());

        chromium.driver().findElement(By.cssSelector("th[data-key=left] button")).click();
        assertThat(ids(visibleRows())).containsExactlyElementsOf(monitor.issuerIdsByTimeLeft());
    }

    @Test
    void theSelfRefreshReplacesTheDataAndKeepsTheFiltersAndTheSortOrder() {
        String generated = chromium.driver().findElement(By.id("content")).getAttribute("data-generated-at");
        new Select(chromium.driver().findElement(By.id("filter-state"))).selectByValue("critical");
        chromium.driver().findElement(By.cssSelector("th[data-key=engine] button")).click();
        List<String> before = ids(visibleRows());

        chromium.driver().executeAsyncScript(
                "window.vaultPkiStatusPage.refresh().then(arguments[arguments.length - 1]);");

        chromium.waiting(Duration.ofSeconds(10)).until(d -> !generated.equals(
                d.findElement(By.id("content")).getAttribute("data-generated-at")));
        assertThat(ids(visibleRows())).isEqualTo(before);
        assertThat(visibleRows()).allMatch(r -> "critical".equals(r.getAttribute("data-state")));
        assertThat(chromium.driver().findElement(By.cssSelector("th[data-key=engine]")).getAttribute("aria-sort"))
                .isEqualTo("ascending");
        assertThat(chromium.driver().findElement(By.id("refresh-note")).getText()).isEmpty();
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void everyFormControlHasALabelAndEveryStateIsAWord() {
        for (WebElement control : chromium.driver().findElements(By.cssSelector("select, input"))) {
            assertThat(chromium.driver().executeScript("return arguments[0].labels.length;", control))
                    .as(control.getAttribute("id")).isEqualTo(1L);
        }
        assertThat(chromium.driver().findElements(By.cssSelector(".badge")))
                .allMatch(b -> b.getText().matches(".*\\b(ok|warning|critical|error)\\b.*"));
    }

    @Test
    void atPhoneWidthOnlyTheWideTablesScrollNotThePage() {
        try {
            chromium.viewport(390, 844);
            chromium.driver().navigate().refresh();
            chromium.waiting(Duration.ofSeconds(10)).until(d -> !rows().isEmpty());

            Object overflow = chromium.driver().executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        } finally {
            chromium.viewport(WIDTH, HEIGHT);
        }
    }

    @Test
    void inDarkModeThePageIsDarkAndItsStatesStillReadable() {
        String light = background();
        try {
            chromium.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));

            assertThat(background()).isNotEqualTo(light).isEqualTo("rgb(13, 17, 23)");
            if (System.getProperty("vaultpki.screenshot.dark") != null) {
                chromium.screenshot(Path.of(System.getProperty("vaultpki.screenshot.dark")));
            }
        } finally {
            chromium.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    private static String background() {
        return (String) chromium.driver().executeScript(
                "return getComputedStyle(document.body).backgroundColor;");
    }

    /**
     * The README's picture of the demo, exactly 1280×800: written to {@code target/screenshots/} on every run, and
     * over {@code docs/images/monitor-status-page.png} only with {@code -Dvault-pki.update-screenshots=true}, so
     * that a test run never leaves the checkout modified (the demo's times change with every run).
     */
    @Test
    void writesTheScreenshotOfTheDemoForTheReadme() throws Exception {
        Path file = Boolean.getBoolean("vault-pki.update-screenshots")
                ? repositoryRoot().resolve("docs/images/monitor-status-page.png")
                : Path.of("target", "screenshots", "monitor-status-page.png").toAbsolutePath();
        Files.createDirectories(file.getParent());

        chromium.screenshot(file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(chromium.consoleErrors()).isEmpty();
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
}
