package io.nexusconnect.local.e2e;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Headless Chromium of the machine's packages ({@code chromium}, {@code chromium-driver}) driven through Selenium. The
 * driver and browser binaries are given explicitly, so Selenium Manager never looks for (or downloads) anything. A
 * machine without them skips the browser tests with a message saying what to install; under {@code CI=true} it fails
 * instead, since CI's {@code .ci/run} installs them.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("nexus.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("nexus.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();
    static final Dimension LAPTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private ConsoleBrowser(WebDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Starts the browser, or skips the calling test (fails it under CI=true) when chromium is not installed. */
    static ConsoleBrowser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run installs them)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "chromium-profile-");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogFile(Path.of("target", "chromedriver.log").toFile())
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=" + LAPTOP.width + "," + LAPTOP.height,
                    "--user-data-dir=" + profile);
            return new ConsoleBrowser(new ChromeDriver(service, options), service, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T until(String description, Function<WebDriver, T> condition) {
        return until(description, WAIT, condition);
    }

    <T> T until(String description, Duration timeout, Function<WebDriver, T> condition) {
        // the page re-renders while a sync runs: an element found a moment ago may be gone, so look again
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).withMessage(description)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits for the first visible element matching {@code css}. */
    WebElement find(String css) {
        return until("visible: " + css, d -> d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    void click(String css) {
        find(css).click();
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void choose(String css, String... values) {
        Select select = new Select(find(css));
        if (select.isMultiple()) {
            select.deselectAll();
        }
        for (String value : values) {
            select.selectByValue(value);
        }
    }

    /** Waits until {@code css} shows text containing {@code expected}, and returns that text. */
    String textOf(String css, String expected) {
        return until(css + " to show '" + expected + "'", d -> d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).filter(t -> t.contains(expected))
                .findFirst().orElse(null));
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Writes target/console-screenshots/{name}.png (every run). */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // the whole page, not only the viewport: the window grows to the document's height for the picture
            Dimension before = driver.manage().window().getSize();
            long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
            driver.manage().window().setSize(new Dimension(before.width, (int) Math.min(4000, Math.max(before.height, height + 140))));
            File shot;
            try {
                shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            } finally {
                driver.manage().window().setSize(before);
            }
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
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
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a profile left under target/ goes with the next clean
            }
        }
    }
}
