package org.waarom.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium, headless, driven by its chromedriver through Selenium WebDriver, with axe-core to check every page
 * and a way to keep screenshots under {@code docs/screenshots/}. In CI ({@code CI=true}) a missing browser fails the
 * test; on a developer machine without one the browser tests are skipped, saying how to install it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("waarom.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("waarom.chromedriver", "/usr/bin/chromedriver"));
    /** What axe-core finds that fails a test: WCAG problems that keep people from using the page. */
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Chromium in {@code language}, or the test is skipped (outside CI) when the machine has none. */
    static Browser start(Path profile, String language) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String missing = "The browser tests need Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(missing + ". In CI they must run (.ci/run installs them).");
            }
            Assumptions.abort("Skipped: " + missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking switches Chromium waits for the network on a closed machine.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(), "--lang=" + language, "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Presses a form's button and waits until the browser shows the page that came back (after the redirect, when there
     * is one): the old page gone and the new one loaded. A plain click returns at once, and on a busy machine the next
     * look at the page could still see the old one.
     */
    void submit(WebElement button) {
        WebElement before = driver.findElement(By.tagName("html"));
        button.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(page -> "complete".equals(((JavascriptExecutor) page).executeScript("return document.readyState")));
    }

    /** Fails on any axe-core violation of impact serious or critical on the page now shown, naming each. */
    void assertAccessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze(driver);
        List<Rule> failing = results.getViolations().stream().filter(rule -> FAILING_IMPACTS.contains(rule.getImpact())).toList();
        assertThat(failing).as(() -> driver.getCurrentUrl().replaceAll("token=[^&]+", "token=…") + " has accessibility violations:\n"
                + failing.stream().map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " — "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    /** Whether the page fits the window's width: nothing to scroll sideways (WCAG reflow). */
    boolean fitsWidth() {
        Object fits = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(fits);
    }

    /**
     * Screenshots of the page now shown, {@code width} pixels wide and as tall as the page (up to 3,000 pixels), as
     * {@code docs/screenshots/<name>-<width>.png}; the window is set back to 1280 × 900 afterwards.
     */
    void screenshot(String name, int... widths) throws IOException {
        Path directory = Path.of(System.getProperty("waarom.root", ".."), "docs", "screenshots");
        Files.createDirectories(directory);
        for (int width : widths) {
            driver.manage().window().setSize(new Dimension(width, 900));
            assertThat(fitsWidth()).as(name + " fits " + width + " pixels").isTrue();
            long height = ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;")).longValue();
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height + 140, 600), 3000)));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), directory.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
