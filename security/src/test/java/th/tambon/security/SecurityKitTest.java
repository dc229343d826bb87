package th.tambon.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityKitTest {
    private EmbeddedServer server;
    private TestHttp anonymous;

    @BeforeAll
    void start() {
        Map<String, Object> settings = new HashMap<>(TestTokens.trustingSettings());
        settings.putAll(Map.of(
                "micronaut.server.port", -1,
                "micronaut.security.basic-auth.enabled", false,
                "security-kit-test.routes", true));
        server = ApplicationContext.run(EmbeddedServer.class, settings);
        anonymous = new TestHttp(server.getURL().toString());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_request_without_a_token_is_a_401_problem_that_says_how_to_authenticate() {
        TestHttp.Response response = anonymous.get("/kit/read");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("https://tambon.th/problems/unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void expired_altered_foreign_unsigned_and_endless_tokens_are_each_a_401() {
        Map<String, String> bad = Map.of(
                "expired", TestTokens.expired("OBEC_ADMIN"),
                "tampered", TestTokens.tampered(TestTokens.viewer()),
                "signed with another key", TestTokens.signedWithAnotherKey("OBEC_ADMIN"),
                "unsigned (alg none)", TestTokens.unsigned("OBEC_ADMIN"),
                "without exp", TestTokens.withoutExpiry("OBEC_ADMIN"),
                "not a JWT", "not-a-jwt");
        bad.forEach((what, token) -> {
            TestHttp.Response response = anonymous.as(token).send("POST", "/kit/write", "{\"a\":\"b\"}",
                    "application/json", Map.of());
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        });
    }

    @Test
    void a_valid_token_whose_role_does_not_allow_the_request_is_a_403_problem() {
        TestHttp.Response viewerWrites = anonymous.as(TestTokens.viewer()).post("/kit/write", "{\"a\":\"b\"}");
        TestHttp.Response noKnownRole = anonymous.as(TestTokens.token("student", "STUDENT", null, null,
                Duration.ofMinutes(5))).get("/kit/read");

        for (TestHttp.Response response : new TestHttp.Response[]{viewerWrites, noKnownRole}) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asText()).isEqualTo("https://tambon.th/problems/forbidden");
        }
    }

    @Test
    void the_role_the_rule_names_gets_through_and_the_actor_carries_the_tokens_scope() {
        assertThat(anonymous.as(TestTokens.admin()).post("/kit/write", "{\"a\":\"b\"}").status()).isEqualTo(200);
        var actor = anonymous.as(TestTokens.officer("P31-4")).get("/kit/read").json();

        assertThat(actor.get("subject").asText()).isEqualTo("officer-P31-4");
        assertThat(actor.get("roles").asText()).isEqualTo("[ESA_OFFICER]");
        assertThat(actor.get("esa").asText()).isEqualTo("P31-4");
    }

    @Test
    void a_route_without_a_rule_is_refused_even_to_obec() {
        assertThat(anonymous.get("/kit/forgotten").status()).isEqualTo(401);
        assertThat(anonymous.as(TestTokens.admin()).get("/kit/forgotten").status()).isEqualTo(403);
    }

    @Test
    void the_route_enumeration_names_the_route_a_developer_forgot_to_guard() {
        var context = server.getApplicationContext();
        Map<String, String> rules = RouteRules.of(context.getBean(Router.class),
                context.getBean(EndpointSensitivityProcessor.class).getEndpointMethods());

        assertThat(rules).containsEntry("GET /kit/forgotten", RouteRules.NO_RULE)
                .containsEntry("GET /kit/read", "ESA_OFFICER,OBEC_ADMIN,SCHOOL_DIRECTOR,VIEWER")
                .containsEntry("POST /kit/write", "OBEC_ADMIN")
                .containsEntry("GET /health", RouteRules.OPEN_ENDPOINT);
    }

    @Test
    void health_and_the_openapi_documents_need_no_token() {
        assertThat(anonymous.get("/health").status()).isEqualTo(200);
        // no document is served by this test context: the rule lets the request through to a 404, not a 401
        assertThat(anonymous.get("/openapi/kit.yml").status()).isEqualTo(404);
    }

    @Test
    void a_path_no_route_answers_is_a_401_without_a_token_and_a_404_problem_with_one() {
        for (String path : new String[]{"/nothing/here", "/kit/nothing", "/api/v1/nothing"}) {
            TestHttp.Response anonymousCall = anonymous.get(path);
            TestHttp.Response withToken = anonymous.as(TestTokens.viewer()).get(path);

            assertThat(anonymousCall.status()).as(path).isEqualTo(401);
            assertThat(anonymousCall.contentType()).as(path).startsWith("application/problem+json");
            assertThat(withToken.status()).as(path).isEqualTo(404);
            assertThat(withToken.contentType()).as(path).startsWith("application/problem+json");
        }
        // a path another method has: 401 without a token, 405 with one
        assertThat(anonymous.send("DELETE", "/kit/read", null, null, Map.of()).status()).isEqualTo(401);
        assertThat(anonymous.as(TestTokens.viewer()).send("DELETE", "/kit/read", null, null, Map.of()).status())
                .isEqualTo(405);
    }

    @Test
    void health_tells_everyone_its_status_and_only_an_operator_its_details() {
        for (String token : new String[]{null, TestTokens.viewer(), TestTokens.officer("P31-4"),
                TestTokens.expired("OBEC_ADMIN")}) {
            TestHttp.Response health = token == null ? anonymous.get("/health") : anonymous.as(token).get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(fieldsOf(health)).as(String.valueOf(token)).containsExactly("status");
        }
        TestHttp.Response operator = anonymous.as(TestTokens.admin()).get("/health");

        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.json().get("details").has("diskSpace")).as(operator.body()).isTrue();
    }

    @Test
    void a_token_without_our_issuer_or_audience_is_a_401() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("without iss", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").issuer(null).build()));
        bad.put("of another issuer", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").issuer("someone-else").build()));
        // Micronaut's own issuer check accepts any ending of the configured issuer ("local" of "tambon-local")
        bad.put("of an issuer that is only the end of ours",
                TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").issuer("local").build()));
        bad.put("of an empty issuer", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").issuer("").build()));
        bad.put("of an issuer spelt otherwise", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN")
                .issuer("https://" + TestTokens.ISSUER + "/").build()));
        bad.put("without aud", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").audience((String) null).build()));
        bad.put("for another audience", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").audience("billing").build()));

        assertEachIsA401(bad);
        assertThat(anonymous.as(TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN")
                .audience(java.util.List.of("billing", TestTokens.AUDIENCE)).build())).get("/kit/read").status())
                .as("a token for several audiences, ours among them").isEqualTo(200);
    }

    @Test
    void a_token_not_yet_valid_issued_in_the_future_or_without_iat_is_a_401() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("nbf in five minutes", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN")
                .notBeforeTime(Date.from(now.plusSeconds(300))).build()));
        bad.put("iat in five minutes", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN")
                .issueTime(Date.from(now.plusSeconds(300))).notBeforeTime(null).build()));
        // a lifetime of an hour from iat, yet good for ten years from now
        bad.put("iat years ahead", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").notBeforeTime(null)
                .issueTime(Date.from(now.plus(3650, ChronoUnit.DAYS)))
                .expirationTime(Date.from(now.plus(3650, ChronoUnit.DAYS).plusSeconds(3600))).build()));
        bad.put("without iat", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").issueTime(null).build()));

        assertEachIsA401(bad);
    }

    @Test
    void an_issuer_clock_up_to_a_minute_ahead_is_tolerated_and_not_more() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String aheadByHalfAMinute = TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN")
                .issueTime(Date.from(now.plusSeconds(30))).notBeforeTime(Date.from(now.plusSeconds(30))).build());
        String aheadByTwoMinutes = TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN")
                .issueTime(Date.from(now.plusSeconds(120))).notBeforeTime(Date.from(now.plusSeconds(120))).build());

        assertThat(anonymous.as(aheadByHalfAMinute).get("/kit/read").status()).isEqualTo(200);
        assertThat(anonymous.as(aheadByTwoMinutes).get("/kit/read").status()).isEqualTo(401);
    }

    @Test
    void a_token_living_longer_than_twelve_hours_is_a_401_and_one_of_exactly_twelve_hours_is_accepted() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String twelveHours = TestTokens.signed(TestTokens.goodClaims("importer", "OBEC_ADMIN").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(12)))).build());
        String aSecondMore = TestTokens.signed(TestTokens.goodClaims("importer", "OBEC_ADMIN").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(12)).plusSeconds(1))).build());

        assertThat(anonymous.as(twelveHours).get("/kit/read").status()).isEqualTo(200);
        assertEachIsA401(Map.of("12 h + 1 s", aSecondMore));
    }

    private void assertEachIsA401(Map<String, String> tokens) {
        tokens.forEach((what, token) -> {
            TestHttp.Response response = anonymous.as(token).get("/kit/read");
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        });
    }

    private static Set<String> fieldsOf(TestHttp.Response response) {
        Set<String> fields = new java.util.TreeSet<>();
        response.json().fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    @Test
    void refused_writes_are_counted_by_status() {
        MeterRegistry meters = server.getApplicationContext().getBean(MeterRegistry.class);
        double before = refused(meters, "403");

        anonymous.as(TestTokens.viewer()).post("/kit/write", "{}");

        assertThat(refused(meters, "403")).isEqualTo(before + 1);
    }

    private static double refused(MeterRegistry meters, String status) {
        var counter = meters.find("tambon.http.rejected.writes").tag("status", status).counter();
        return counter == null ? 0 : counter.count();
    }
}
