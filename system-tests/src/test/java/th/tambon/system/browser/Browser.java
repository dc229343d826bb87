package th.tambon.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through its own chromedriver ({@code bin/install-browser} installs both), in Thai,
 * with a fresh profile (no cookies, no storage) that is deleted on {@link #close()}. It records every request the
 * pages make, so that a test can prove none leaves the machine ({@link #requestedHosts()}).
 *
 * <p>A missing browser fails the test, never skips it: a dashboard nobody looked at is not a passing dashboard.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Schemes whose URLs never go to a network (inline data, the page's own blobs, an empty page). */
    private static final Set<String> LOCAL_SCHEMES = Set.of("data", "blob", "about");
    /** Chromium's own pages (the new tab page it opens first), not the tested pages' requests. */
    private static final Pattern CHROMIUM_OWN = Pattern.compile("^(chrome|chrome-[a-z-]+|devtools):.*");

    /** The window (and for a phone, the emulated device) a page is shown in. */
    public enum Viewport {
        DESKTOP(1366, 900, false),
        /** An iPhone X-sized phone: 375 CSS pixels wide at a pixel ratio of 1, so a screenshot is 375 pixels wide. */
        PHONE(375, 812, true);

        private final int width;
        private final int height;
        private final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> requests = new ArrayList<>();
    private final List<String> console = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A desktop window, 1366 x 900. */
    public static Browser desktop() {
        return start(Viewport.DESKTOP);
    }

    /** A phone, 375 x 812, emulated as a mobile device (touch events, and the page laid out by its viewport meta). */
    public static Browser phone() {
        return start(Viewport.PHONE);
    }

    public static Browser start(Viewport viewport) {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("tambon-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a Chromium profile directory", e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // the users are in Thailand: dates the page formats with the browser's zone are Bangkok's
                .withEnvironment(Map.of("TZ", "Asia/Bangkok"))
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options(viewport, profile));
            if (!viewport.mobile) {
                fitViewport(driver, viewport);
            }
            return new Browser(driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw new IllegalStateException("Could not start " + CHROMIUM + " through " + CHROMEDRIVER
                    + " (bin/install-browser installs both, at matching versions): " + e.getMessage(), e);
        }
    }

    /** --window-size counts the window's own frame too: make the page's viewport the size asked for. */
    private static void fitViewport(ChromeDriver driver, Viewport viewport) {
        @SuppressWarnings("unchecked")
        List<Number> frame = (List<Number>) driver.executeScript(
                "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]");
        driver.manage().window().setSize(new Dimension(viewport.width + frame.get(0).intValue(),
                viewport.height + frame.get(1).intValue()));
    }

    private static void requireInstalled() {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p))
                .map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No browser for the browser tests: " + String.join(" and ", missing)
                    + " missing. Run bin/install-browser (as root; it apt-get installs chromium, chromium-driver and "
                    + "fonts-thai-tlwg-ttf), which ./mvnw verify runs before the integration tests.");
        }
    }

    private static ChromeOptions options(Viewport viewport, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                // without these Chromium keeps dialling out (and is refused) while the test runs
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--no-default-browser-check",
                "--user-data-dir=" + profile, "--lang=th-TH",
                "--window-size=" + viewport.width + "," + viewport.height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "th-TH,th"));
        if (viewport.mobile) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                    "width", viewport.width, "height", viewport.height, "pixelRatio", 1.0, "mobile", true,
                    "touch", true)));
        }
        // Network.requestWillBeSent of every request the pages make, and what they write to the console
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL", "browser", "ALL"));
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        return options;
    }

    /** The driver itself, for what this class does not wrap (a {@code Select}, say). */
    public WebDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /** The page's script's value: numbers come back as Long or Double, objects as Maps, arrays as Lists. */
    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * Waits up to {@link #WAIT} for an element that contains {@code text} (its visible text, or for a form field its
     * value), and returns it; fails naming what was there instead.
     */
    public WebElement waitForText(By by, String text) {
        return waitForText(by, text, WAIT);
    }

    /** As {@link #waitForText(By, String)}, waiting {@code timeout}. */
    public WebElement waitForText(By by, String text, Duration timeout) {
        return waitFor(by + " containing \"" + text + "\"", timeout, d -> {
            for (WebElement element : d.findElements(by)) {
                try {
                    if (element.getText().contains(text) || String.valueOf(element.getDomProperty("value"))
                            .contains(text)) {
                        return element;
                    }
                } catch (StaleElementReferenceException replacedMeanwhile) {
                    // the page re-rendered it: look again
                }
            }
            return null;
        }, () -> "found: " + describe(by));
    }

    /** Waits up to {@link #WAIT} for an element, and returns it. */
    public WebElement waitFor(By by) {
        return waitFor(by.toString(), WAIT, d -> d.findElements(by).stream().findFirst().orElse(null), () -> "none found");
    }

    /** Waits up to {@link #WAIT} for the address to satisfy {@code condition} (a hash route reached, say). */
    public String waitForUrl(String description, Predicate<String> condition) {
        return waitFor("an address " + description, WAIT, d -> condition.test(d.getCurrentUrl()) ? d.getCurrentUrl() : null,
                () -> "it stayed at " + driver.getCurrentUrl());
    }

    /**
     * Waits up to {@link #WAIT} for {@code condition} to answer something other than null or false, and returns
     * that; fails naming {@code what} it waited for and what the page showed.
     */
    public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return waitFor(what, WAIT, condition, () -> "it never came");
    }

    private <T> T waitFor(String what, Duration timeout, Function<WebDriver, T> condition, Supplier<String> instead) {
        try {
            // an element the page replaced while it was read is read again (NotFoundException is ignored already)
            return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class).until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError(redacted("Waited " + timeout.toMillis() / 1000.0 + " s for " + what + " at "
                    + driver.getCurrentUrl() + "; " + instead.get() + ".\nThe page's text: " + abbreviated(pageText())
                    + "\nIts console: " + consoleMessages()));
        }
    }

    private String describe(By by) {
        List<WebElement> found = driver.findElements(by);
        if (found.isEmpty()) {
            return "no element";
        }
        List<String> texts = new ArrayList<>();
        for (WebElement element : found.subList(0, Math.min(5, found.size()))) {
            try {
                texts.add("\"" + abbreviated(element.getText()) + "\"");
            } catch (StaleElementReferenceException e) {
                texts.add("(replaced)");
            }
        }
        return found.size() + " element(s): " + String.join(", ", texts);
    }

    private String pageText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return "(no body)";
        }
    }

    /** The dashboard's route in an address: its fragment without the {@code #} ("" when it has none). */
    public static String route(String url) {
        String fragment = URI.create(url).getFragment();
        return fragment == null ? "" : fragment;
    }

    /** The text without the tokens of its addresses (the sign-in page's {@code #token=}): not for a test report. */
    public static String redacted(String text) {
        return text == null ? null : text.replaceAll("token=[^&;,\\s\\]\"]+", "token=…");
    }

    private static String abbreviated(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 600 ? oneLine : oneLine.substring(0, 600) + "…";
    }

    /**
     * Writes the page as a PNG, all of its height (not only the window's) at the window's width, so that a phone's
     * screenshot is as wide as the phone; returns the file.
     */
    public Path screenshot(Path file) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) script("return window.innerWidth")).doubleValue();
        double height = Math.max(1, ((Number) content.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the screenshot " + file, e);
        }
        return file;
    }

    /** Every URL the pages of this browser have requested so far (Chromium's own pages aside), in order, each once. */
    public List<String> requestedUrls() {
        drainLogs();
        synchronized (requests) {
            return List.copyOf(new LinkedHashSet<>(requests));
        }
    }

    /**
     * The hosts of every request the pages made (data:, blob: and Chromium's own pages have none and go nowhere), for
     * a test to assert that nothing leaves the machine.
     */
    public Set<String> requestedHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        for (String url : requestedUrls()) {
            URI uri = URI.create(url.replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!LOCAL_SCHEMES.contains(scheme)) {
                hosts.add(uri.getHost() == null ? "(no host: " + url + ")" : uri.getHost());
            }
        }
        return hosts;
    }

    /** What the pages wrote to the console (errors included), so far. */
    public List<String> consoleMessages() {
        drainLogs();
        synchronized (console) {
            return List.copyOf(console);
        }
    }

    // chromedriver hands each log entry out once: keep them
    private void drainLogs() {
        for (LogEntry entry : driver.manage().logs().get("performance")) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).get("message");
                String url = message.at("/params/request/url").asText();
                if ("Network.requestWillBeSent".equals(message.path("method").asText())
                        && !CHROMIUM_OWN.matcher(url).matches()) {
                    synchronized (requests) {
                        requests.add(url);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("chromedriver wrote a performance log entry that is not JSON", e);
            }
        }
        for (LogEntry entry : driver.manage().logs().get("browser")) {
            synchronized (console) {
                console.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the Chromium profile " + directory, e);
        }
    }
}
