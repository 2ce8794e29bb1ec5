package io.vaultpki.testkit.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * A headless Chromium for browser tests, driven by Selenium through Debian's {@code chromium} and
 * {@code chromium-driver} packages ({@code .ci/run} installs them). Both paths are given explicitly, so Selenium
 * Manager never looks for or downloads a browser or driver. Where either is absent the calling test is skipped
 * ({@link Assumptions}), not failed. The browser's console is recorded ({@code goog:loggingPrefs}) so that a test
 * can assert the page logged no error. Use one per test class and close it ({@link AutoCloseable}).
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.start(1280, 800)) {
 *     chromium.driver().get(url);
 *     assertThat(chromium.consoleErrors()).isEmpty();
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Debian's browser binary (package {@code chromium}). */
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    /** Debian's driver (package {@code chromium-driver}). */
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final List<LogEntry> console = new ArrayList<>();

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts a headless Chromium whose viewport is {@code width} × {@code height} CSS pixels at a device scale of 1
     * (screenshots have exactly that size); skips the calling test when Chromium or its driver is not installed.
     */
    public static HeadlessChromium start(int width, int height) {
        Assumptions.assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "browser test skipped: " + BINARY + " or " + DRIVER
                        + " is absent (apt-get install chromium chromium-driver, as .ci/run does)");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        Path profile = tempProfile();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(BINARY.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=" + width + "," + height, "--force-device-scale-factor=1",
                        "--hide-scrollbars", "--lang=en-US", "--no-first-run", "--no-default-browser-check",
                        "--disable-extensions", "--disable-background-networking", "--disable-sync",
                        "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            HeadlessChromium chromium = new HeadlessChromium(service, driver, profile);
            chromium.viewport(width, height);
            return chromium;
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait polling the page until a condition holds or {@code timeout} passes (no sleeps in tests). */
    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /**
     * Makes the viewport (what a screenshot shows) exactly {@code width} × {@code height}: the window is resized by
     * the difference between its outer size and the viewport the page reports.
     */
    public void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Object inner = driver.executeScript("return [window.innerWidth, window.innerHeight];");
        if (inner instanceof List<?> size && size.size() == 2) {
            int dw = width - ((Number) size.get(0)).intValue();
            int dh = height - ((Number) size.get(1)).intValue();
            if (dw != 0 || dh != 0) {
                driver.manage().window().setSize(new Dimension(width + dw, height + dh));
            }
        }
    }

    /** Every console entry since the browser started (entries are read from the driver once, then kept). */
    public List<LogEntry> console() {
        driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
        return List.copyOf(console);
    }

    /** Console entries at level SEVERE: script errors, failed requests, CSP violations. */
    public List<String> consoleErrors() {
        return console().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Writes a PNG of the viewport to {@code file} (its directory is created). */
    public Path screenshot(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    /** A fresh profile per browser: no state from another test or from a user's Chromium. */
    private static Path tempProfile() {
        try {
            return Files.createTempDirectory("headless-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
