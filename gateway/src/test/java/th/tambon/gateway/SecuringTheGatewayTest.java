package th.tambon.gateway;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.rules.SecurityRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.tambon.security.RouteRules;
import th.tambon.security.SecuredServiceContract;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.FreePorts;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway checks the token before anything reaches a service, and passes it on unchanged: the service behind it
 * (here a stand-in that records what reaches it) checks it again and decides what it may touch.
 */
class SecuringTheGatewayTest extends SecuredServiceContract {
    private StandInService backend;
    private EmbeddedServer gateway;

    @BeforeAll
    void start() {
        backend = new StandInService(200, request -> "{\"content\":[]}");
        gateway = TestGateway.start(backend.url(), backend.url(), "http://127.0.0.1:" + FreePorts.find(), Map.of());
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Override
    protected EmbeddedServer server() {
        return gateway;
    }

    private static final String ANY_ROLE = "ESA_OFFICER,OBEC_ADMIN,SCHOOL_DIRECTOR,VIEWER";

    @Override
    protected Map<String, String> authorizationMatrix() {
        return withoutAnIdentityProvider();
    }

    /**
     * The gateway's routes and rules as configured here, without an identity provider (with one, the sign-in's
     * {@code /oauth} routes are added: SigningInWithTheIdentityProviderTest).
     */
    static Map<String, String> withoutAnIdentityProvider() {
        // /api/v1/** is not a route of the gateway's own but for the views it composes: RoutedRequestsRule guards what
        // it proxies
        return Map.ofEntries(
                Map.entry("GET /api/v1/activities/{id}/report", ANY_ROLE),
                Map.entry("GET /api/v1/esas/{code}/report", ANY_ROLE),
                Map.entry("GET /api/v1/overview", "OBEC_ADMIN,VIEWER"),
                Map.entry("GET /api/v1/schools/{code}/report", ANY_ROLE),
                Map.entry("GET /openapi", SecurityRule.IS_ANONYMOUS),
                Map.entry("GET /", SecurityRule.IS_ANONYMOUS),
                Map.entry("GET /signin", SecurityRule.IS_ANONYMOUS),
                Map.entry("GET /session", SecurityRule.IS_ANONYMOUS),
                Map.entry("POST /session", SecurityRule.IS_AUTHENTICATED),
                Map.entry("DELETE /session", SecurityRule.IS_ANONYMOUS),
                Map.entry("GET /health", RouteRules.OPEN_ENDPOINT),
                Map.entry("GET /health/{selector}", RouteRules.OPEN_ENDPOINT),
                Map.entry("GET /prometheus", RouteRules.OPEN_ENDPOINT));
    }

    @Override
    protected String protectedRead() {
        return "/api/v1/esas";
    }

    @Override
    protected String openApiDocument() {
        return "/openapi/gateway.yml";
    }

    /** The gateway stores nothing; what reaches the stand-in service is checked by the tests below. */
    @Override
    protected long writableRows() {
        return 0;
    }

    @Test
    void a_request_the_gateway_refuses_never_reaches_a_service() {
        backend.forget();

        assertThat(anonymous().post("/api/v1/schools", "{}").status()).isEqualTo(401);
        assertThat(anonymous().as(TestTokens.expired("OBEC_ADMIN")).post("/api/v1/schools", "{}").status()).isEqualTo(401);
        assertThat(anonymous().as(TestTokens.token("student", "STUDENT", null, null, java.time.Duration.ofMinutes(5)))
                .post("/api/v1/schools", "{}").status()).isEqualTo(403);

        assertThat(backend.reached()).isEmpty();
    }

    @Test
    void the_callers_token_goes_to_the_service_unchanged() {
        backend.forget();
        String token = TestTokens.officer("P31-4");

        TestHttp.Response response = anonymous().as(token).post("/api/v1/schools", "{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(backend.reached()).extracting(r -> r.method() + " " + r.path() + " "
                + r.headers().getFirst("Authorization")).containsExactly("POST /api/v1/schools Bearer " + token);
    }

    @Test
    void a_problem_the_gateway_answers_itself_names_the_path_called_whatever_x_forwarded_uri_the_client_sent() {
        TestHttp.Response refused = anonymous().get("/api/v1/esas", Map.of("X-Forwarded-Uri", "/forged/by/client"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("instance").asText()).isEqualTo("/api/v1/esas");
    }

    @Test
    void the_public_certificate_lookup_reaches_events_service_without_a_token_with_the_clients_own_address() {
        backend.forget();

        TestHttp.Response json = anonymous().get("/api/v1/certificates/verify/MFRGGZDFMZTWQ2LK",
                Map.of("X-Forwarded-For", "203.0.113.9"));
        TestHttp.Response page = anonymous().get("/verify/MFRGGZDFMZTWQ2LK");

        assertThat(json.status()).isEqualTo(200);
        assertThat(page.status()).isEqualTo(200);
        assertThat(backend.reached()).extracting(r -> r.method() + " " + r.path() + " "
                + r.headers().getFirst("X-Forwarded-For")).containsExactly(
                "GET /api/v1/certificates/verify/MFRGGZDFMZTWQ2LK 127.0.0.1",
                "GET /verify/MFRGGZDFMZTWQ2LK 127.0.0.1");
    }

    @Test
    void nothing_else_about_certificates_passes_the_gateway_without_a_token() {
        backend.forget();

        for (String path : new String[]{"/api/v1/certificates/6a1d2f3e-4b5c-4d6e-8f70-9a1b2c3d4e5f",
                "/api/v1/certificates/6a1d2f3e-4b5c-4d6e-8f70-9a1b2c3d4e5f/pdf", "/api/v1/certificates/verify/A/pdf",
                "/api/v1/certificates/verify/..%2F6a1d2f3e-4b5c-4d6e-8f70-9a1b2c3d4e5f", "/verify/A/B"}) {
            assertThat(anonymous().get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(anonymous().post("/api/v1/certificates/verify/MFRGGZDF", "{}").status()).isEqualTo(401);
        assertThat(backend.reached()).isEmpty();
    }

    @Test
    void the_services_documents_through_the_gateway_need_no_token() {
        assertThat(anonymous().get("/openapi/schools-service/schools-service.yml").status()).isEqualTo(200);
    }
}
