package th.tambon.system.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser the dashboard tests use, on a tiny page served from this JVM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {
    private static final String PAGE = """
            <!doctype html>
            <html lang="th"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>ทดสอบ</title></head>
            <body><h1>โรงเรียนบ้านหัวฝาย</h1><p id="answer">…</p><p id="cookies"></p>
            <script>
              document.getElementById('cookies').textContent = 'cookies:[' + document.cookie + ']';
              document.cookie = 'seen=1; path=/';
              fetch('/api/figures').then(r => r.text()).then(t => document.getElementById('answer').textContent = t);
            </script></body></html>
            """;
    private final Path out = Path.of("target/browser-it");
    private HttpServer server;
    private String base;

    @BeforeAll
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> answer(exchange, "text/html; charset=utf-8", PAGE));
        server.createContext("/api/figures", exchange -> answer(exchange, "text/plain; charset=utf-8",
                "จัดสรร 218,700.00 บาท"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Files.createDirectories(out);
    }

    private static void answer(HttpExchange exchange, String type, String body) throws IOException {
        try (InputStream ignored = exchange.getRequestBody()) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } finally {
            exchange.close();
        }
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @Test
    void a_page_s_thai_text_and_what_its_script_fetched_are_read_back_and_both_requests_are_recorded_on_127_0_0_1() {
        try (Browser browser = Browser.desktop()) {
            browser.open(base + "/dashboard");

            assertThat(browser.waitForText(By.tagName("h1"), "หัวฝาย").getText()).isEqualTo("โรงเรียนบ้านหัวฝาย");
            browser.waitForText(By.id("answer"), "218,700.00 บาท");
            assertThat(browser.requestedUrls()).containsSubsequence(base + "/dashboard", base + "/api/figures");
            assertThat(browser.requestedHosts()).containsExactly("127.0.0.1");
            assertThat(browser.script("return navigator.language")).isEqualTo("th-TH");
            assertThat(browser.script("return [window.innerWidth, window.innerHeight]")).isEqualTo(List.of(1366L, 900L));
            @SuppressWarnings("unchecked")
            Map<String, Object> navigation = (Map<String, Object>) browser.script(
                    "return performance.getEntriesByType('navigation')[0].toJSON()");
            assertThat(((Number) navigation.get("domContentLoadedEventEnd")).doubleValue()).isPositive();

            Path shot = browser.screenshot(out.resolve("desktop.png"));
            assertThat(Png.read(shot)).isEqualTo(new Png(1366, 900));
        }
    }

    @Test
    void a_phone_s_screenshot_is_375_pixels_wide_and_a_second_browser_starts_without_the_first_one_s_cookies() {
        try (Browser first = Browser.desktop()) {
            first.open(base + "/");
            first.waitForText(By.id("cookies"), "cookies:[]");
            first.open(base + "/");
            first.waitForText(By.id("cookies"), "cookies:[seen=1]");
        }
        try (Browser phone = Browser.phone()) {
            phone.open(base + "/");

            phone.waitForText(By.id("cookies"), "cookies:[]");
            assertThat(phone.script("return [window.innerWidth, window.innerHeight]")).isEqualTo(List.of(375L, 812L));
            Path shot = phone.screenshot(out.resolve("phone.png"));
            assertThat(Png.read(shot)).isEqualTo(new Png(375, 812));
        }
    }

    @Test
    void a_wait_for_text_that_never_comes_fails_naming_what_the_page_showed() {
        try (Browser browser = Browser.desktop()) {
            browser.open(base + "/");

            AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> browser.waitForText(By.tagName("h1"), "ไม่มีข้อความนี้", Duration.ofSeconds(1)));
            assertThat(failure.getMessage()).contains("ไม่มีข้อความนี้", "\"โรงเรียนบ้านหัวฝาย\"");
        }
    }
}
