package th.tambon.security;

import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.fuzz.Fuzzer;
import th.tambon.testkit.fuzz.HostileRequests;
import th.tambon.testkit.fuzz.OpenApiDocument;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Tambon service shows on its own port, started as itself: each route has exactly the rule the service's
 * authorization matrix gives it (a new endpoint without one fails here), a request without a valid token (none,
 * expired, foreign, of another issuer or audience, not yet valid, too long-lived) is a 401 problem, a token without a
 * known role a 403, a path no route answers a 401 without a token and a 404 with one, health (its status; details for
 * OBEC_ADMIN only), metrics and the OpenAPI document need no token, and hostile
 * requests derived from that document never answer 5xx, always answer problems and, when refused, write nothing
 * ({@code -Dtambon.fuzz.requests=10000} for the full run, docs/security.md). A service's test extends this; shipped in
 * the security kit's test-jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SecuredServiceContract {
    private static final Logger LOG = LoggerFactory.getLogger(SecuredServiceContract.class);

    /** The running service. */
    protected abstract EmbeddedServer server();

    /**
     * Every route of the service and who may call it: {@code "POST /api/v1/schools" -> "ESA_OFFICER,OBEC_ADMIN"},
     * management endpoints as {@link RouteRules#OPEN_ENDPOINT}. The same matrix is in docs/security.md.
     */
    protected abstract Map<String, String> authorizationMatrix();

    /** A read of programme data that needs a token, e.g. {@code /api/v1/replicas/esas}. */
    protected abstract String protectedRead();

    /** The service's OpenAPI document, e.g. {@code /openapi/events-service.yml}. */
    protected abstract String openApiDocument();

    /**
     * Every row an HTTP request of this service could write (its tables, the outbox, the audit trail), counted; a
     * refused write must leave it unchanged.
     */
    protected abstract long writableRows();

    @Test
    void every_route_has_the_rule_its_authorization_matrix_gives_it() {
        var context = server().getApplicationContext();
        Map<String, String> rules = RouteRules.of(context.getBean(Router.class),
                context.getBean(EndpointSensitivityProcessor.class).getEndpointMethods());

        assertThat(rules).doesNotContainValue(RouteRules.NO_RULE).isEqualTo(authorizationMatrix());
    }

    @Test
    void a_request_without_a_valid_token_is_a_401_problem() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("none", null);
        tokens.put("expired", TestTokens.expired("OBEC_ADMIN"));
        tokens.put("tampered", TestTokens.tampered(TestTokens.viewer()));
        tokens.put("signed with another key", TestTokens.signedWithAnotherKey("OBEC_ADMIN"));
        tokens.put("unsigned", TestTokens.unsigned("OBEC_ADMIN"));
        tokens.forEach((what, token) -> {
            TestHttp http = token == null ? anonymous() : anonymous().as(token);
            TestHttp.Response response = http.get(protectedRead());
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        });
    }

    @Test
    void a_token_of_another_issuer_or_audience_not_yet_valid_or_living_too_long_is_a_401_problem() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("of another issuer", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").issuer("elsewhere").build()));
        tokens.put("for another audience", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").audience("other").build()));
        tokens.put("without iss and aud", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").issuer(null)
                .audience((String) null).build()));
        tokens.put("nbf in ten minutes", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN")
                .notBeforeTime(Date.from(now.plusSeconds(600))).build()));
        tokens.put("without iat", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").issueTime(null).build()));
        tokens.put("living a day", TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofDays(1)))).build()));
        tokens.forEach((what, token) -> {
            TestHttp.Response response = anonymous().as(token).get(protectedRead());
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        });
    }

    @Test
    void a_path_no_route_answers_is_a_401_without_a_token_and_a_404_problem_with_one() {
        for (String path : new String[]{"/api/v1/nothing-here", "/nothing/here", "/admin"}) {
            TestHttp.Response anonymousCall = anonymous().get(path);
            TestHttp.Response withToken = anonymous().as(TestTokens.viewer()).get(path);

            assertThat(anonymousCall.status()).as(path).isEqualTo(401);
            assertThat(anonymousCall.contentType()).as(path).startsWith("application/problem+json");
            assertThat(withToken.status()).as(path).isEqualTo(404);
            assertThat(withToken.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void health_tells_anyone_its_status_and_only_an_operator_its_details() {
        for (String path : new String[]{"/health", "/health/readiness", "/health/liveness"}) {
            for (String token : new String[]{null, TestTokens.viewer(), TestTokens.officer("P31-4"),
                    TestTokens.director("31040001")}) {
                TestHttp.Response health = token == null ? anonymous().get(path) : anonymous().as(token).get(path);
                assertThat(health.status()).as(path).isEqualTo(200);
                Set<String> fields = new TreeSet<>();
                health.json().fieldNames().forEachRemaining(fields::add);
                assertThat(fields).as(path + " " + health.body()).containsExactly("status");
            }
            TestHttp.Response operator = anonymous().as(TestTokens.admin()).get(path);
            assertThat(operator.status()).as(path).isEqualTo(200);
            assertThat(operator.json().has("details")).as(path + " " + operator.body()).isTrue();
        }
    }

    @Test
    void a_token_without_a_role_this_system_knows_is_a_403_problem() {
        TestHttp.Response response = anonymous().as(TestTokens.token("student", "STUDENT", null, null,
                Duration.ofMinutes(5))).get(protectedRead());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void every_role_may_read_programme_data() {
        for (String token : new String[]{TestTokens.admin(), TestTokens.officer("P31-4"),
                TestTokens.director("31040001"), TestTokens.viewer()}) {
            assertThat(anonymous().as(token).get(protectedRead()).status()).isEqualTo(200);
        }
    }

    @Test
    void health_metrics_and_the_api_document_need_no_token() {
        assertThat(anonymous().get("/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous().get("/prometheus").status()).isEqualTo(200);
        assertThat(anonymous().get(openApiDocument()).status()).isEqualTo(200);
    }

    @Test
    void a_path_dressed_as_a_document_does_not_reach_the_api_without_a_token() {
        for (String path : new String[]{"/openapi/%2e%2e" + protectedRead(), "/openapi/..%2F.." + protectedRead(),
                "/openapi/%2e%2e/%2e%2e" + protectedRead(), "/openapi/.%2e" + protectedRead()}) {
            TestHttp.Response response = anonymous().get(path);
            assertThat(response.status()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("\"items\"");
        }
    }

    @Test
    void hostile_requests_from_the_api_document_never_answer_5xx_always_answer_problems_and_refused_writes_write_nothing() {
        var document = OpenApiDocument.fromClasspath("META-INF/swagger" + openApiDocument().substring("/openapi".length()));
        var requests = new HostileRequests(document, "P31-4", "P51-1").requests();

        var report = Fuzzer.run(anonymous(), requests, Fuzzer.requestsPerRun(), Fuzzer.seed(), this::writableRows);

        LOG.info("{} fuzz: {}", openApiDocument(), report);
        assertThat(report.failures()).as(report.toString()).isEmpty();
        assertThat(report.sent()).isEqualTo(Fuzzer.requestsPerRun());
    }

    protected TestHttp anonymous() {
        return new TestHttp(server().getURL().toString());
    }
}
