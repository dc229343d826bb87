package th.tambon.gateway;

import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.tambon.gateway.dashboard.SessionCookie;
import th.tambon.security.RouteRules;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's sign-in with the operator's identity provider, against a real OpenID Connect provider
 * (mock-oauth2-server) whose ID tokens carry our claims: the gateway sends the browser to the provider, takes the code
 * back at its callback, and makes the provider's ID token the browser's session cookie, which then works exactly like
 * a token handed to {@code POST /session}: it authorizes reads, goes on to the services as their bearer token and never
 * as a cookie, and never authorizes a change. The browser is played by hand: redirects are followed and cookies
 * carried one step at a time, as a browser does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningInWithTheIdentityProviderTest {
    private static final String CLIENT_ID = "tambon-dashboard";
    private static final String ISSUER_ID = "tambon";
    /** The provider's claim mapping: what an operator's provider must add to the ID token (docs/security.md). */
    private static final String PROVIDER_CONFIG = """
            {"interactiveLogin": false,
             "tokenCallbacks": [{"issuerId": "tambon", "tokenExpiry": 600,
               "requestMappings": [{"requestParam": "grant_type", "match": "authorization_code",
                 "claims": {"sub": "somchai", "roles": ["ESA_OFFICER"], "esa": "P31-4"}}]}]}""";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private MockOAuth2Server provider;
    private ScriptedStack stack;
    private String gateway;

    @BeforeAll
    void start() throws IOException {
        provider = new MockOAuth2Server(OAuth2Config.Companion.fromJson(PROVIDER_CONFIG));
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        stack = new ScriptedStack(providerSettings(provider.issuerUrl(ISSUER_ID).toString(),
                provider.jwksUrl(ISSUER_ID).toString()));
        gateway = stack.gateway.getURL().toString();
        stack.schools.on("/api/v1/esas", 200, "{\"items\":[]}");
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    void the_sign_in_page_is_told_it_can_sign_in_with_the_identity_provider() {
        HttpResponse<String> session = send(get(gateway + "/session"));

        assertThat(session.body()).contains("\"signedIn\":false",
                "\"providers\":[{\"name\":\"oidc\",\"login\":\"/oauth/login/oidc\"}]");
    }

    @Test
    void signing_in_at_the_provider_makes_its_id_token_the_http_only_session_cookie_and_goes_on_to_the_dashboard() {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> login = send(get(gateway + "/oauth/login/oidc"));
        assertThat(login.statusCode()).isEqualTo(302);
        cookies.putAll(setCookies(login));
        URI authorize = location(login);
        assertThat(authorize.toString()).startsWith(provider.authorizationEndpointUrl(ISSUER_ID).toString());
        assertThat(query(authorize)).containsEntry("client_id", CLIENT_ID).containsEntry("response_type", "code")
                .containsEntry("redirect_uri", gateway + "/oauth/callback/oidc").containsKey("state")
                .containsKey("nonce").containsEntry("code_challenge_method", "S256").containsKey("code_challenge");

        HttpResponse<String> atProvider = send(get(authorize.toString()));
        assertThat(atProvider.statusCode()).isEqualTo(302);
        URI callback = location(atProvider);
        assertThat(callback.toString()).startsWith(gateway + "/oauth/callback/oidc?");
        assertThat(query(callback)).containsKeys("code", "state");

        HttpResponse<String> back = send(get(callback.toString()).header("Cookie", header(cookies)));

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).contains("/");
        String cookie = back.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict", "Path=/");
        long maxAge = Long.parseLong(cookie.replaceAll(".*Max-Age=(\\d+).*", "$1"));
        assertThat(maxAge).isBetween(Duration.ofMinutes(9).toSeconds(), Duration.ofMinutes(10).toSeconds());
        String idToken = cookie.substring(SessionCookie.NAME.length() + 1, cookie.indexOf(';'));
        assertThat(claims(idToken)).contains("\"iss\":\"" + provider.issuerUrl(ISSUER_ID) + "\"",
                "\"aud\":\"" + CLIENT_ID + "\"", "\"esa\":\"P31-4\"");

        HttpResponse<String> session = send(get(gateway + "/session").header("Cookie", SessionCookie.NAME + "=" + idToken));
        assertThat(session.body()).contains("\"signedIn\":true", "\"subject\":\"somchai\"",
                "\"roles\":[\"ESA_OFFICER\"]", "\"esa\":\"P31-4\"");
    }

    @Test
    void the_id_token_cookie_reaches_a_service_as_its_bearer_token_never_as_a_cookie() {
        String idToken = signIn();

        HttpResponse<String> read = send(get(gateway + "/api/v1/esas")
                .header("Cookie", "other=1; " + SessionCookie.NAME + "=" + idToken));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(stack.schools.reached()).contains("/api/v1/esas Bearer " + idToken);
        assertThat(stack.schools.cookies()).contains("/api/v1/esas null")
                .noneMatch(header -> header.contains("other=1") || header.contains(SessionCookie.NAME)
                        || header.contains(idToken));
    }

    @Test
    void the_id_token_cookie_never_authorizes_a_change() {
        String idToken = signIn();
        int before = stack.schools.reached().size();

        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/esas"))
                    .header("Cookie", SessionCookie.NAME + "=" + idToken).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));

            assertThat(refused.statusCode()).as(method).isEqualTo(401);
        }
        assertThat(stack.schools.reached()).hasSize(before);
    }

    @Test
    void a_callback_whose_state_was_forged_or_is_missing_signs_nobody_in() {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> login = send(get(gateway + "/oauth/login/oidc"));
        cookies.putAll(setCookies(login));
        URI callback = location(send(get(location(login).toString())));
        Map<String, String> parameters = query(callback);
        String forged = gateway + "/oauth/callback/oidc?code=" + parameters.get("code") + "&state="
                + URLEncoder.encode(Base64.getUrlEncoder().encodeToString(
                "{\"nonce\":\"forged\",\"redirectUri\":\"/\"}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        String withoutState = gateway + "/oauth/callback/oidc?code=" + parameters.get("code");

        Map<String, HttpResponse<String>> attempts = new LinkedHashMap<>();
        attempts.put("forged state", send(get(forged).header("Cookie", header(cookies))));
        attempts.put("no state", send(get(withoutState).header("Cookie", header(cookies))));
        attempts.put("no state cookie", send(get(callback.toString())));

        attempts.forEach((what, refused) -> {
            assertThat(refused.statusCode()).as(what).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location")).as(what).contains("/signin#failed");
            assertThat(refused.headers().allValues("Set-Cookie")).as(what)
                    .noneMatch(c -> c.startsWith(SessionCookie.NAME + "="));
        });
    }

    @Test
    void the_sign_ins_routes_are_open_to_anyone_and_no_other_route_appears() {
        var context = stack.gateway.getApplicationContext();
        Map<String, String> rules = RouteRules.of(context.getBean(Router.class),
                context.getBean(EndpointSensitivityProcessor.class).getEndpointMethods());

        Map<String, String> expected = new TreeMap<>(SecuringTheGatewayTest.withoutAnIdentityProvider());
        expected.put("GET /oauth/login/oidc", SecurityRule.IS_ANONYMOUS);
        expected.put("GET /oauth/callback/oidc", SecurityRule.IS_ANONYMOUS);
        expected.put("POST /oauth/callback/oidc", SecurityRule.IS_ANONYMOUS);
        assertThat(rules).isEqualTo(expected);
    }

    @Test
    void a_provider_the_gateway_cannot_reach_when_it_starts_is_offered_once_it_answers_and_signs_in() throws Exception {
        int port = FreePorts.find();
        String issuer = "http://127.0.0.1:" + port + "/" + ISSUER_ID;
        Map<String, Object> settings = new HashMap<>(providerSettings(issuer, issuer + "/jwks"));
        settings.put("tambon.oidc.discovery-retry", "200ms");
        MockOAuth2Server late = new MockOAuth2Server(OAuth2Config.Companion.fromJson(PROVIDER_CONFIG));
        try (ScriptedStack alone = new ScriptedStack(settings)) {
            String at = alone.gateway.getURL().toString();
            assertThat(send(get(at + "/session")).body()).isEqualTo("{\"signedIn\":false}");
            assertThat(send(get(at + "/api/v1/esas").header("Authorization", "Bearer " + TestTokens.viewer()))
                    .statusCode()).as("the API does not wait for the provider").isNotEqualTo(503);

            late.start(InetAddress.getByName("127.0.0.1"), port);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!send(get(at + "/session")).body().contains("/oauth/login/oidc") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(send(get(at + "/session")).body()).contains("\"login\":\"/oauth/login/oidc\"");
            assertThat(signIn(at)).isNotBlank();
        } finally {
            late.shutdown();
        }
    }

    /** The whole sign-in, as the test above walks it: the session cookie's value, the provider's ID token. */
    private String signIn() {
        return signIn(gateway);
    }

    private String signIn(String gateway) {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> login = send(get(gateway + "/oauth/login/oidc"));
        cookies.putAll(setCookies(login));
        URI callback = location(send(get(location(login).toString())));
        HttpResponse<String> back = send(get(callback.toString()).header("Cookie", header(cookies)));
        String token = setCookies(back).get(SessionCookie.NAME);
        assertThat(token).as(back.headers().toString()).isNotBlank();
        return token;
    }

    /** The gateway signing in with this provider and trusting its tokens, as every process does (docs/security.md). */
    private static Map<String, Object> providerSettings(String issuer, String jwks) {
        return Map.of(
                "tambon.oidc.issuer", issuer,
                "tambon.oidc.client-id", CLIENT_ID,
                "tambon.oidc.client-secret", "the-client-secret",
                "micronaut.security.token.jwt.signatures.jwks.idp.url", jwks,
                TestTokens.ISSUER_PROPERTY, issuer,
                TestTokens.AUDIENCE_PROPERTY, CLIENT_ID);
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI location(HttpResponse<?> response) {
        return response.request().uri().resolve(response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no Location in " + response.statusCode() + " " + response.headers())));
    }

    /** The cookies a response sets (name to value), as a browser would keep them; a cleared one is left out. */
    private static Map<String, String> setCookies(HttpResponse<?> response) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String value = pair.substring(equals + 1);
            if (!value.isEmpty() && !header.contains("Max-Age=0")) {
                cookies.put(pair.substring(0, equals), value);
            }
        }
        return cookies;
    }

    private static String header(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
