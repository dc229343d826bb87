package th.tambon.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.Select;
import th.tambon.system.Importer.Run;
import th.tambon.system.browser.Browser;
import th.tambon.system.browser.Png;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.system.browser.Browser.route;

/**
 * The gateway's web dashboard in a real browser (Debian's Chromium, bin/install-browser) over the four services as
 * separate processes, with the seed scenario imported: what an OBEC admin, an ESA officer and anyone holding a printed
 * certificate see, in Thai, and that no page asks anything of a host but this one. Its screenshots are the ones in
 * docs/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {
    private static final String P51_1_REPORT = "#/esas/P51-1?fiscalYear=2563";
    private static final By P51_ROW = By.cssSelector("#overview-table tr[data-esa='P51-1']");
    private final Path root = Path.of(System.getProperty("tambon.root", "..")).toAbsolutePath().normalize();
    private final Path seed = root.resolve("importer/src/test/resources/scenarios/seed-2563.json");
    /**
     * Where the screenshots go: system-tests/target/screenshots, or docs/ (the ones the README shows) with
     * {@code -Dtambon.screenshots=docs}, so that a test run does not rewrite tracked files unless asked to.
     */
    private final Path screenshots = "docs".equals(System.getProperty("tambon.screenshots"))
            ? root.resolve("docs") : root.resolve("system-tests/target/screenshots");
    private Stack stack;
    private String gatewayUrl;

    @BeforeAll
    void start() {
        stack = Stack.start("dashboard", Map.of());
        gatewayUrl = stack.gatewayUrl();
        // --check: the import ends once the gateway's reports show every figure the seed expects
        Run imported = new Importer(root, gatewayUrl).run("import", "--check", seed.toString());
        assertThat(imported.exit()).as(imported.output()).isZero();
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void an_obec_admin_signs_in_with_a_token_the_address_then_forgets_and_starts_on_the_national_overview_of_2563() {
        try (Browser browser = Browser.desktop()) {
            signIn(browser, TestTokens.admin());

            browser.waitForUrl("at the national overview (#/overview)", url -> route(url).startsWith("/overview"));
            assertEveryPageHasItsTitleFiscalYearsAndSignOut(browser);
            chooseFiscalYear(browser, "2563");
            browser.waitForText(P51_ROW, "218,700.00");
            List<String> cells = browser.waitUntil("P51-1's cells", d -> d.findElement(P51_ROW)
                    .findElements(By.tagName("td")).stream().map(cell -> cell.getText().strip()).toList());
            assertThat(cells).as("P51-1's row: its quality schools").contains("31");
            String link = browser.waitUntil("P51-1's link", d -> d.findElement(P51_ROW).findElement(By.tagName("a"))
                    .getDomProperty("href"));
            assertThat(link).endsWith("/" + P51_1_REPORT);
            assertAccessible(browser, "the national overview");
            browser.screenshot(screenshots.resolve("dashboard-overview.png"));
            sortsByParticipantsFromTheKeyboard(browser);
            readsInEnglishAndBackInThai(browser);
            assertNothingLeftThisMachine(browser);
        }
    }

    @Test
    void p51_1_s_report_opened_from_the_overview_shows_218_700_baht_104_participants_31_certificates_and_the_symposium() {
        try (Browser browser = Browser.desktop()) {
            signIn(browser, TestTokens.admin());
            browser.waitForUrl("at the national overview (#/overview)", url -> route(url).startsWith("/overview"));
            chooseFiscalYear(browser, "2563");
            browser.waitForText(P51_ROW, "218,700.00");
            browser.waitUntil("P51-1's link clicked", d -> {
                d.findElement(P51_ROW).findElement(By.tagName("a")).click();
                return true;
            });

            browser.waitForUrl("at P51-1's report (#/esas/P51-1)", url -> route(url).startsWith("/esas/P51-1"));
            assertEveryPageHasItsTitleFiscalYearsAndSignOut(browser);
            assertP51ReportFigures(browser);
            printTimings("desktop, from the overview", browser);
            reloadAndAwaitTheReport(browser);
            printTimings("desktop, loaded", browser);
            assertAccessible(browser, "P51-1's report");
            browser.screenshot(screenshots.resolve("dashboard-esa-report.png"));
            assertNothingLeftThisMachine(browser);
        }
    }

    @Test
    void p51_1_s_report_fits_a_phone_375_pixels_wide() {
        try (Browser phone = Browser.phone()) {
            signIn(phone, TestTokens.admin());
            phone.open(gatewayUrl + "/" + P51_1_REPORT);

            phone.waitForUrl("at P51-1's report (#/esas/P51-1)", url -> route(url).startsWith("/esas/P51-1"));
            assertEveryPageHasItsTitleFiscalYearsAndSignOut(phone);
            assertP51ReportFigures(phone);
            reloadAndAwaitTheReport(phone);
            printTimings("phone, loaded", phone);
            assertAccessible(phone, "P51-1's report on a phone");
            assertThat(phone.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("the page itself never scrolls sideways at 375 px (wide tables scroll in their own region)")
                    .isEqualTo(true);
            Path shot = phone.screenshot(screenshots.resolve("dashboard-esa-report-375.png"));
            assertThat(Png.read(shot).width()).isEqualTo(375);
            assertNothingLeftThisMachine(phone);
        }
    }

    @Test
    void an_esa_officer_of_p31_4_starts_on_p31_4_s_report() {
        try (Browser browser = Browser.desktop()) {
            signIn(browser, TestTokens.officer("P31-4"));

            browser.waitForUrl("at P31-4's report (#/esas/P31-4)", url -> route(url).startsWith("/esas/P31-4"));
            assertEveryPageHasItsTitleFiscalYearsAndSignOut(browser);
            assertThat(browser.find(By.tagName("h1")).getText()).containsAnyOf("P31-4", "บุรีรัมย์ เขต 4");
            assertNothingLeftThisMachine(browser);
        }
    }

    @Test
    void a_sign_in_link_opened_in_a_browser_signed_in_as_someone_else_asks_before_it_replaces_the_session() {
        try (Browser browser = Browser.desktop()) {
            signIn(browser, TestTokens.officer("P31-4"));
            browser.waitForUrl("at P31-4's report", url -> route(url).startsWith("/esas/P31-4"));

            browser.open(gatewayUrl + "/signin#token=" + TestTokens.admin());
            browser.waitForText(By.id("switch-question"), "officer-P31-4");
            assertThat(browser.find(By.id("switch-question")).getText()).contains("obec-admin");
            assertThat(browser.currentUrl()).doesNotContain("token=");
            assertThat(browser.script("return fetch('/session').then(r => r.json()).then(s => s.roles.join())"))
                    .as("still the officer until the question is answered").isEqualTo("ESA_OFFICER");
            browser.find(By.id("switch-yes")).click();

            browser.waitForUrl("at the national overview, as the link's OBEC admin", url -> route(url).startsWith("/overview"));
        }
    }

    @Test
    void the_address_of_a_certificate_s_qr_code_opened_without_any_cookie_says_the_certificate_is_valid() {
        TestHttp admin = new TestHttp(gatewayUrl).as(TestTokens.admin());
        String symposium = admin.get("/api/v1/activities?esa=P51-1&ref=p51-1-symposium-2563-09-28").json()
                .at("/items/0/id").asText();
        JsonNode certificate = admin.get("/api/v1/activities/" + symposium + "/certificates?size=1").json()
                .at("/items/0");
        String qrPath = URI.create(certificate.get("verificationUrl").asText()).getPath();
        assertThat(qrPath).startsWith("/verify/");

        try (Browser stranger = Browser.desktop()) {
            stranger.open(gatewayUrl + qrPath);

            stranger.waitForText(By.tagName("body"), "เกียรติบัตรนี้ถูกต้อง");
            assertThat(stranger.find(By.tagName("body")).getText()).contains(certificate.get("recipient").asText());
            stranger.screenshot(screenshots.resolve("dashboard-certificate.png"));
            assertNothingLeftThisMachine(stranger);
        }
    }

    /**
     * Local sign-in: the page takes the token from the address's fragment, posts it, and goes to {@code /}, the role's
     * start page, leaving no token in the address.
     */
    private void signIn(Browser browser, String token) {
        browser.open(gatewayUrl + "/signin#token=" + token);
        browser.waitForUrl("at / (the role's start page) without the token",
                url -> URI.create(url).getPath().equals("/") && !url.contains("token="));
        Object kept = browser.script("return JSON.stringify(localStorage) + ' ' + JSON.stringify(sessionStorage)"
                + " + ' ' + document.cookie");
        assertThat(String.valueOf(kept)).as("what page script can read after sign-in")
                .doesNotContain(token).doesNotContain("eyJ").doesNotContain("TAMBON_SESSION");
    }


    private static void assertEveryPageHasItsTitleFiscalYearsAndSignOut(Browser browser) {
        browser.waitUntil("an <h1> with a title", d -> d.findElements(By.tagName("h1")).stream()
                .anyMatch(h1 -> !h1.getText().isBlank()));
        List<String> years = browser.waitUntil("a <select id=\"fiscal-year\"> offering 2563", d -> {
            List<String> values = d.findElements(By.cssSelector("select#fiscal-year option")).stream()
                    .map(option -> option.getDomProperty("value")).toList();
            return values.contains("2563") ? values : null;
        });
        assertThat(years).as("fiscal years, in the Buddhist Era").allMatch(year -> year.matches("25\\d\\d"));
        assertThat(browser.waitFor(By.id("sign-out")).getTagName()).isEqualTo("button");
    }

    private static void chooseFiscalYear(Browser browser, String year) {
        new Select(browser.waitFor(By.id("fiscal-year"))).selectByValue(year);
    }

    private static void assertP51ReportFigures(Browser browser) {
        assertThat(browser.waitForText(By.cssSelector("[data-figure='allocated']"), "218,700.00").getText().strip())
                .isEqualTo("218,700.00 บาท");
        assertThat(browser.waitForText(By.cssSelector("[data-figure='participants']"), "104").getText().strip())
                .isEqualTo("104");
        assertThat(browser.waitForText(By.cssSelector("[data-figure='certificates']"), "31").getText().strip())
                .isEqualTo("31");
        browser.waitForText(By.id("activities-table"), "28 กันยายน 2563");
    }

    /**
     * Measured, never judged (docs/benchmarks.md): for a page loaded as a document, when the document was interactive
     * and when the dashboard had drawn the report (its figures, links and controls live: the {@code tambon:page-ready}
     * mark), from the navigation's start; for a page reached inside the dashboard, from the click's route change
     * ({@code tambon:page-asked}) to drawn.
     */
    private static void printTimings(String how, Browser browser) {
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) browser.script("""
                const n = performance.getEntriesByType('navigation')[0];
                const asked = performance.getEntriesByName('tambon:page-asked');
                const ready = performance.getEntriesByName('tambon:page-ready');
                return {domInteractive: n.domInteractive, domContentLoadedEventEnd: n.domContentLoadedEventEnd,
                        ready: ready[ready.length - 1].startTime,
                        routed: ready[ready.length - 1].startTime - asked[asked.length - 1].startTime,
                        pages: ready.length};""");
        System.out.printf("DashboardIT: P51-1's report (%s): domInteractive %.0f ms, domContentLoadedEventEnd %.0f ms,"
                        + " report drawn %.0f ms after the navigation started (%.0f ms after its route was asked;"
                        + " page %d of this document)%n", how, number(timing, "domInteractive"),
                number(timing, "domContentLoadedEventEnd"), number(timing, "ready"), number(timing, "routed"),
                (long) number(timing, "pages"));
    }

    private static double number(Map<String, Object> values, String key) {
        return values.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * The table sorts by a column from the keyboard alone: Tab first reaches the skip link, and Enter on a column's
     * heading sorts by it, ascending then descending, as its aria-sort says.
     */
    private static void sortsByParticipantsFromTheKeyboard(Browser browser) {
        reload(browser); // a fresh document: the keyboard starts at its top
        browser.find(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).isEqualTo("skip");
        By heading = By.xpath("//table[@id='overview-table']//th[button[normalize-space()='ผู้เข้าร่วม']]");
        browser.find(heading).findElement(By.tagName("button")).sendKeys(Keys.ENTER);
        assertThat(browser.find(heading).getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(esaRows(browser)).containsExactly("P31-4", "P51-1"); // 40, then 104 participants
        browser.find(heading).findElement(By.tagName("button")).sendKeys(Keys.ENTER);
        assertThat(browser.find(heading).getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(esaRows(browser)).containsExactly("P51-1", "P31-4");
    }

    private static List<String> esaRows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#overview-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-esa")).toList();
    }

    /** The English toggle: labels in English and dates in the Common Era; toggled back, Thai and BE again. */
    private static void readsInEnglishAndBackInThai(Browser browser) {
        browser.find(By.id("language")).click();
        browser.waitForText(By.tagName("h1"), "National overview, fiscal year 2563");
        assertThat(browser.find(By.cssSelector(".sub")).getText()).contains("1 October 2019", "30 September 2020");
        assertThat(browser.find(By.id("sign-out")).getText()).isEqualTo("Sign out");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.find(By.id("language")).click();
        browser.waitForText(By.tagName("h1"), "ภาพรวมระดับประเทศ ปีงบประมาณ 2563");
        assertThat(browser.find(By.cssSelector(".sub")).getText()).contains("1 ตุลาคม 2562", "30 กันยายน 2563");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("th");
    }

    /** Loads the report's address again as a new document, and waits until its figures are there. */
    private static void reloadAndAwaitTheReport(Browser browser) {
        reload(browser);
        assertP51ReportFigures(browser);
    }

    /** Loads the page's address again as a new document, and waits until the dashboard has drawn its page. */
    private static void reload(Browser browser) {
        browser.script("window.tambonBeforeReload = true; location.reload()");
        browser.waitUntil("the report drawn in a new document", d -> {
            try {
                return Boolean.TRUE.equals(browser.script("return !window.tambonBeforeReload"
                        + " && performance.getEntriesByName('tambon:page-ready').length === 1")) ? true : null;
            } catch (WebDriverException e) {
                return null; // asked while the document was being replaced: ask again
            }
        });
    }

    /** axe-core's WCAG 2.1 A and AA rules (contrast, labels, names, roles, landmarks…) find nothing on the page. */
    private static void assertAccessible(Browser browser, String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser.driver());
        List<String> violations = results.getViolations().stream().map(DashboardIT::describe).toList();
        assertThat(violations).as("WCAG 2.1 AA violations on %s", page).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).limit(5).toList();
    }

    private static void assertNothingLeftThisMachine(Browser browser) {
        assertThat(browser.requestedHosts())
                .as("hosts of every request: %s", Browser.redacted(browser.requestedUrls().toString()))
                .isNotEmpty().isSubsetOf("127.0.0.1", "localhost");
    }
}
