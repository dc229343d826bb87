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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityKitTest {
    private EmbeddedServer server;
    private TestHttp anonymous;

    @BeforeAll
    void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "micronaut.security.basic-auth.enabled", false,
                "micronaut.security.reject-not-found", false,
                "security-kit-test.routes", true,
                TestTokens.SECRET_PROPERTY, TestTokens.SECRET));
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
    void health_and_the_openapi_documents_need_no_token_and_an_unknown_path_is_a_404() {
        assertThat(anonymous.get("/health").status()).isEqualTo(200);
        // no document is served by this test context: the rule lets the request through to a 404, not a 401
        assertThat(anonymous.get("/openapi/kit.yml").status()).isEqualTo(404);
        assertThat(anonymous.get("/nothing/here").status()).isEqualTo(404);
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
