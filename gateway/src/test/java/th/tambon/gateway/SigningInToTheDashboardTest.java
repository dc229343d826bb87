package th.tambon.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.tambon.gateway.dashboard.SessionCookie;
import th.tambon.testkit.TestTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web dashboard's session: a browser hands its token over once, as Authorization, and gets it back only as an
 * HttpOnly, SameSite=Strict cookie that lives as long as the token; from then on the cookie authorizes what the browser
 * reads (the views, the proxied API) and nothing it would change, and never reaches a service. The pages and their
 * files are served by the gateway itself, to anyone, under a policy that lets the browser load nothing from elsewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningInToTheDashboardTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ScriptedStack stack;
    private String gateway;

    @BeforeAll
    void start() {
        stack = new ScriptedStack(Map.of());
        gateway = stack.gateway.getURL().toString();
        stack.schools.on("/api/v1/esas", 200, "{\"items\":[]}");
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void signing_in_with_a_token_sets_an_http_only_strict_cookie_that_lives_as_long_as_the_token() {
        String token = TestTokens.token("somchai", "ESA_OFFICER", "P31-4", null, Duration.ofMinutes(30));

        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/session"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"signedIn\":true", "\"subject\":\"somchai\"", "\"esa\":\"P31-4\"",
                "\"roles\":[\"ESA_OFFICER\"]");
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(SessionCookie.NAME + "=" + token + ";")
                .containsIgnoringCase("HttpOnly").contains("SameSite=Strict", "Path=/");
        long maxAge = Long.parseLong(cookie.replaceAll(".*Max-Age=(\\d+).*", "$1"));
        assertThat(maxAge).isBetween(Duration.ofMinutes(29).toSeconds(), Duration.ofMinutes(30).toSeconds());
        assertThat(signedIn.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void a_token_refused_at_sign_in_sets_no_cookie() {
        for (String token : List.of(TestTokens.expired("OBEC_ADMIN"), TestTokens.signedWithAnotherKey("OBEC_ADMIN"))) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/session"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void the_cookie_authorizes_reads_and_goes_on_to_the_service_as_its_bearer_token_never_as_a_cookie() {
        // nor any other of the browser's cookies (the sign-in's state and nonce, a proxy's): services read tokens only
        String token = TestTokens.viewer();

        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/esas"))
                .header("Cookie", "other=1; " + SessionCookie.NAME + "=" + token).GET());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(stack.schools.reached()).contains("/api/v1/esas Bearer " + token);
        assertThat(stack.schools.cookies()).contains("/api/v1/esas null")
                .noneMatch(header -> header.contains("other=1") || header.contains(SessionCookie.NAME)
                        || header.contains(token));
    }

    @Test
    void a_head_request_is_a_read_the_cookie_authorizes() {
        String token = TestTokens.token("head-reader", "VIEWER", null, null, Duration.ofMinutes(5));

        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/esas"))
                .header("Cookie", SessionCookie.NAME + "=" + token).method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(stack.schools.reached()).contains("/api/v1/esas Bearer " + token);
    }

    @Test
    void a_request_that_brings_its_own_authorization_keeps_it_whatever_its_cookie_says() {
        String own = TestTokens.token("own-header", "VIEWER", null, null, Duration.ofMinutes(5));
        String cookie = TestTokens.token("cookie-holder", "VIEWER", null, null, Duration.ofMinutes(5));

        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/esas"))
                .header("Authorization", "Bearer " + own).header("Cookie", SessionCookie.NAME + "=" + cookie).GET());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(stack.schools.reached()).contains("/api/v1/esas Bearer " + own)
                .noneMatch(line -> line.contains(cookie));
    }

    @Test
    void two_session_cookies_are_no_session_and_neither_reaches_a_service() {
        String mine = TestTokens.token("victim", "VIEWER", null, null, Duration.ofMinutes(5));
        String planted = TestTokens.token("planted", "OBEC_ADMIN", null, null, Duration.ofMinutes(5));

        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/v1/esas"))
                .header("Cookie", SessionCookie.NAME + "=" + mine + "; " + SessionCookie.NAME + "=" + planted).GET());
        HttpResponse<String> session = send(HttpRequest.newBuilder(uri("/session"))
                .header("Cookie", SessionCookie.NAME + "=" + mine).header("Cookie", SessionCookie.NAME + "=" + planted)
                .GET());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(session.body()).contains("\"signedIn\":false");
        assertThat(stack.schools.reached()).noneMatch(line -> line.contains(mine) || line.contains(planted));
        assertThat(stack.schools.cookies()).noneMatch(line -> line.contains(mine) || line.contains(planted));
    }

    @Test
    void the_cookie_never_authorizes_a_change() {
        int before = stack.schools.reached().size();
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/v1/esas"))
                    .header("Cookie", SessionCookie.NAME + "=" + TestTokens.admin())
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));

            assertThat(refused.statusCode()).as(method).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).as(method).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(stack.schools.reached()).hasSize(before);
    }

    @Test
    void the_session_tells_who_is_signed_in_and_a_browser_without_a_good_cookie_that_it_is_not() {
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/session"))
                .header("Cookie", SessionCookie.NAME + "=" + TestTokens.director("31040001")).GET());
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/session")).GET());
        HttpResponse<String> expired = send(HttpRequest.newBuilder(uri("/session"))
                .header("Cookie", SessionCookie.NAME + "=" + TestTokens.expired("OBEC_ADMIN")).GET());

        assertThat(signedIn.body()).contains("\"signedIn\":true", "\"school\":\"31040001\"", "SCHOOL_DIRECTOR");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"signedIn\":false");
        assertThat(expired.statusCode()).isEqualTo(200);
        assertThat(expired.body()).contains("\"signedIn\":false");
    }

    @Test
    void without_an_identity_provider_no_sign_in_route_of_one_is_served_and_the_session_offers_none() {
        for (String path : List.of("/oauth/login/oidc", "/oauth/callback/oidc?code=a&state=b", "/oauth/login/idp")) {
            HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri(path)).GET());
            HttpResponse<String> withToken = send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer " + TestTokens.viewer()).GET());

            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(withToken.statusCode()).as(path).isEqualTo(404);
            assertThat(anonymous.headers().firstValue("Location")).as(path).isEmpty();
        }
        // an empty list is left out of the answer, as everywhere
        assertThat(send(HttpRequest.newBuilder(uri("/session")).GET()).body()).isEqualTo("{\"signedIn\":false}");
    }

    @Test
    void signing_out_clears_the_cookie() {
        HttpResponse<String> signedOut = send(HttpRequest.newBuilder(uri("/session"))
                .header("Cookie", SessionCookie.NAME + "=" + TestTokens.admin()).DELETE());

        assertThat(signedOut.statusCode()).isEqualTo(204);
        assertThat(signedOut.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith(SessionCookie.NAME + "=;").contains("Max-Age=0").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void the_pages_and_their_files_are_served_to_anyone_by_the_gateway_under_a_same_origin_policy() {
        for (String page : List.of("/", "/signin")) {
            HttpResponse<String> html = send(HttpRequest.newBuilder(uri(page)).GET());

            assertThat(html.statusCode()).as(page).isEqualTo(200);
            assertThat(html.headers().firstValue("Content-Type")).as(page).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/html"));
            assertThat(html.headers().firstValue("Content-Security-Policy")).as(page).hasValueSatisfying(policy ->
                    assertThat(policy).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'",
                            "font-src 'self'", "frame-ancestors 'none'"));
            assertThat(html.body()).as(page).doesNotContain("http://", "https://");
        }
        for (String file : List.of("/assets/app.js", "/assets/signin.js", "/assets/app.css",
                "/assets/fonts/sarabun-thai-400-normal.woff2", "/webjars/chart.js/4.5.1/dist/chart.umd.min.js")) {
            HttpResponse<String> served = send(HttpRequest.newBuilder(uri(file)).GET());

            assertThat(served.statusCode()).as(file).isEqualTo(200);
        }
    }

    @Test
    void files_outside_the_dashboards_folders_are_not_served_without_a_token() {
        // the jar's root (application.yml, logback.xml) is two folders above /assets and three above /webjars
        for (String path : List.of("/assets/../../application.yml", "/assets/%2e%2e/%2e%2e/application.yml",
                "/assets/..%2f..%2fapplication.yml", "/webjars/../../../logback.xml",
                "/webjars/%2e%2e/%2e%2e/%2e%2e/logback.xml", "/assets/fonts/../../../application.yml",
                "/dashboard/index.html", "/application.yml")) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(uri(path)).GET());

            assertThat(refused.statusCode()).as(path).isIn(400, 401, 404);
            assertThat(refused.body()).as(path).doesNotContain("micronaut:", "<configuration");
        }
    }

    private URI uri(String path) {
        return URI.create(gateway + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
