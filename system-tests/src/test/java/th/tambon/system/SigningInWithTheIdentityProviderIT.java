package th.tambon.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import th.tambon.system.browser.Browser;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.system.browser.Browser.route;

/**
 * The dashboard's sign-in with the operator's identity provider, in a real browser, over the four services as
 * separate processes that all trust that provider's tokens (docs/security.md "Dashboard sign-in"): the sign-in page
 * offers the provider's button, the browser goes to the provider and comes back with the provider's ID token in the
 * HttpOnly session cookie, and lands on the role's start page. The provider is mock-oauth2-server, in this JVM.
 *
 * <p>The provider is reached as {@code localhost} and the dashboard as {@code 127.0.0.1}: two sites to the browser, as
 * an operator's provider and the dashboard are, so the sign-in's cookies (Micronaut's state, nonce and PKCE cookies,
 * then the SameSite=Strict session cookie) must survive a return from another site. The provider signs in without its
 * login form (its token callback gives the ID token the claims), because that form loads a font from
 * fonts.googleapis.com and nothing here may leave the machine; the browser still goes through the provider's
 * authorization endpoint and back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningInWithTheIdentityProviderIT {
    private static final String ISSUER_ID = "tambon";
    private static final String CLIENT_ID = "tambon-dashboard";
    private static final String PROVIDER_BUTTON = "เข้าสู่ระบบด้วยบัญชีหน่วยงาน";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MockOAuth2Server provider;
    private String issuer;
    private Stack stack;
    private String gatewayUrl;

    @BeforeAll
    void start() throws IOException {
        provider = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": false}"));
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        // the provider names its issuer after the Host it is asked with: the gateway and the browser ask for localhost
        issuer = "http://localhost:" + provider.baseUrl().port() + "/" + ISSUER_ID;
        Map<String, String> trustTheProvider = Map.of(
                "MICRONAUT_SECURITY_TOKEN_JWT_SIGNATURES_JWKS_IDP_URL", issuer + "/jwks",
                "TAMBON_JWT_ISSUER", issuer,
                "TAMBON_JWT_AUDIENCE", CLIENT_ID);
        stack = Stack.start("oidc", trustTheProvider, Map.of(
                "TAMBON_OIDC_ISSUER", issuer,
                "TAMBON_OIDC_CLIENT_ID", CLIENT_ID,
                "TAMBON_OIDC_CLIENT_SECRET", "the-client-secret"));
        gatewayUrl = stack.gatewayUrl();
    }

    @AfterAll
    void stop() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (provider != null) {
                provider.shutdown();
            }
        }
    }

    @Test
    void an_obec_admin_signs_in_at_the_provider_and_lands_on_the_national_overview_with_its_id_token_in_an_http_only_cookie() {
        try (Browser browser = Browser.desktop()) {
            signInAtTheProvider(browser, "somsri", Map.of("roles", List.of("OBEC_ADMIN")));

            String landed = browser.waitForUrl("at the national overview (/#/overview)",
                    url -> URI.create(url).getPath().equals("/") && route(url).startsWith("/overview"));
            browser.waitForText(By.tagName("h1"), "ภาพรวมระดับประเทศ");
            assertThat(session(browser)).as("GET /session from the page")
                    .containsEntry("signedIn", true).containsEntry("subject", "somsri")
                    .containsEntry("roles", List.of("OBEC_ADMIN"));
            // each service takes the provider's ID token (the gateway passes the cookie's token on as the bearer)
            for (String read : List.of("/api/v1/esas", "/api/v1/activities", "/api/v1/fiscal-years/2568")) {
                assertThat(status(browser, read)).as("GET " + read + " from the page").isEqualTo(200L);
            }

            String idToken = assertTheSessionCookieIsTheProvidersIdTokenOutOfTheScriptsReach(browser);
            assertTheBrowserWentThroughTheProviderAndNoAddressHeldAToken(browser, landed, idToken);
        }
    }

    @Test
    void a_school_director_signs_in_at_the_provider_and_lands_on_the_school_s_page() {
        try (Browser browser = Browser.desktop()) {
            signInAtTheProvider(browser, "somchai",
                    Map.of("roles", List.of("SCHOOL_DIRECTOR"), "school", "31040001"));

            String landed = browser.waitForUrl("at the school's page (/#/schools/31040001)",
                    url -> URI.create(url).getPath().equals("/") && route(url).startsWith("/schools/31040001"));
            browser.waitForText(By.id("who"), "SCHOOL_DIRECTOR · 31040001");
            assertThat(session(browser)).as("GET /session from the page")
                    .containsEntry("signedIn", true).containsEntry("subject", "somchai")
                    .containsEntry("roles", List.of("SCHOOL_DIRECTOR")).containsEntry("school", "31040001");

            String idToken = assertTheSessionCookieIsTheProvidersIdTokenOutOfTheScriptsReach(browser);
            assertTheBrowserWentThroughTheProviderAndNoAddressHeldAToken(browser, landed, idToken);
        }
    }

    /**
     * Opens the sign-in page, which offers the provider's button, and clicks it; the provider's next ID token carries
     * {@code claims} (its token callback; the gateway asks for the token once the browser is back with a code).
     */
    private void signInAtTheProvider(Browser browser, String subject, Map<String, Object> claims) {
        browser.open(gatewayUrl + "/signin");
        WebElement button = browser.waitForText(By.cssSelector("#providers a.provider"), PROVIDER_BUTTON);
        assertThat(button.getDomProperty("href")).isEqualTo(gatewayUrl + "/oauth/login/oidc");
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID),
                claims, 600));
        button.click();
    }

    /** The cookie holds the provider's ID token for this client; the browser keeps it from the page's script. */
    private String assertTheSessionCookieIsTheProvidersIdTokenOutOfTheScriptsReach(Browser browser) {
        Cookie cookie = browser.driver().manage().getCookieNamed("TAMBON_SESSION");
        assertThat(cookie).as("the session cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getDomain()).isEqualTo("127.0.0.1");
        JsonNode claims = claims(cookie.getValue());
        assertThat(claims.path("iss").asText()).isEqualTo(issuer);
        assertThat(claims.path("aud").toString()).contains(CLIENT_ID);
        assertThat(String.valueOf(browser.script("return document.cookie"))).doesNotContain("TAMBON_SESSION")
                .doesNotContain(cookie.getValue());
        return cookie.getValue();
    }

    /**
     * Every address the browser asked for (redirects included) went to this machine, through the provider's
     * authorization endpoint and back to the gateway's callback with a code, and none held a token: not the ID token,
     * not any {@code token=} (the provider hands the gateway the token, never the browser).
     */
    private void assertTheBrowserWentThroughTheProviderAndNoAddressHeldAToken(Browser browser, String landed,
                                                                               String idToken) {
        List<String> visited = browser.requestedUrls();
        String all = Browser.redacted(visited.toString());
        assertThat(visited).as("requests: %s", all)
                .anyMatch(url -> url.startsWith(gatewayUrl + "/oauth/login/oidc"))
                .anyMatch(url -> url.startsWith(issuer + "/authorize?"))
                .anyMatch(url -> url.startsWith(gatewayUrl + "/oauth/callback/oidc?") && url.contains("code="))
                .noneMatch(url -> url.contains(idToken) || url.contains("token="));
        assertThat(List.of(landed, browser.currentUrl())).noneMatch(url -> url.contains(idToken) || url.contains("token"));
        assertThat(browser.requestedHosts()).as("hosts of every request: %s", all)
                .containsExactlyInAnyOrder("127.0.0.1", "localhost");
    }

    /** GET /session, as the page's own script asks it (with the cookie). */
    private static Map<String, Object> session(Browser browser) {
        @SuppressWarnings("unchecked")
        Map<String, Object> session = (Map<String, Object>) browser.script(
                "return fetch('/session', {credentials: 'same-origin', headers: {Accept: 'application/json'}})"
                        + ".then(answer => answer.json())");
        return session;
    }

    /** The status of a GET from the page. */
    private static Object status(Browser browser, String path) {
        return browser.script("return fetch(arguments[0], {credentials: 'same-origin',"
                + " headers: {Accept: 'application/json'}}).then(answer => answer.status)", path);
    }

    private static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("the session cookie does not hold a JWT", e);
        }
    }

}
