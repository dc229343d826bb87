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
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Tambon service shows on its own port, started as itself: each route has exactly the rule the service's
 * authorization matrix gives it (a new endpoint without one fails here), a request without a valid token is a 401
 * problem, a token without a known role a 403, health, metrics and the OpenAPI document need no token, and hostile
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
